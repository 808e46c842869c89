package io.assay.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --agent}, {@code -A KEY=VALUE} and the model flags that are shorthands for agent options
 * ({@code --model}, {@code --base-url}, {@code --api-key-env}, {@code --prices}), as {@code run} and
 * {@code replicate} take them.
 */
final class AgentOptions {
    /** The flags, for commands that must refuse them (a resumed run keeps its recorded agent). */
    static final List<String> NAMES = List.of("--agent", "-A", "--model", "--base-url", "--api-key-env", "--prices");

    @Option(names = "--agent", paramLabel = "NAME", description = "The agent to evaluate (see `assay plugins`).")
    String agent;

    @Option(names = {"-A", "--agent-option"}, paramLabel = "KEY=VALUE",
            description = "An agent option, for example -A file=predictions.jsonl. Repeatable.")
    Map<String, String> agentOptions = new LinkedHashMap<>();

    @Option(names = "--model", paramLabel = "PROVIDER/NAME",
            description = "The model a model-backed agent calls: openai/NAME (any OpenAI-compatible endpoint) or anthropic/NAME.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "The model endpoint, e.g. http://localhost:11434/v1 for Ollama.")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "The environment variable holding the API key (default OPENAI_API_KEY or ANTHROPIC_API_KEY).")
    String apiKeyEnv;

    @Option(names = "--prices", paramLabel = "FILE", description = "A JSON price table for models the built-in one lacks.")
    String prices;

    /**
     * The agent options given: {@code -A} and the model flags, one way to set each key.
     *
     * @throws io.assay.launcher.InputException when a model flag and {@code -A} set the same key
     */
    Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>(agentOptions);
        modelOption(options, "--model", "model", model);
        modelOption(options, "--base-url", "base_url", baseUrl);
        modelOption(options, "--api-key-env", "api_key_env", apiKeyEnv);
        modelOption(options, "--prices", "prices", prices);
        return options;
    }

    /** The model flags are agent options the model-backed agents read; one way to set each. */
    private static void modelOption(Map<String, Object> options, String flag, String key, String value) {
        FlagOptions.set(options, flag, "-A", "agent", key, value);
    }
}

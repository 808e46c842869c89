package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.spi.Options;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --judge-model} and its endpoint, as {@code run}, {@code rescore} and {@code audit} take
 * them: the model of every {@code judge} reward check whose spec names none; {@code arena --pairwise}
 * takes them for the judge of its battles.
 */
final class JudgeOptions {
    /** The flags, for commands that must refuse them (a resumed run keeps its recorded judge). */
    static final List<String> NAMES = List.of("--judge-model", "--judge-base-url", "--judge-api-key-env");
    /** The reward check these flags configure. */
    private static final String JUDGE = "judge";

    @Option(names = "--judge-model", paramLabel = "PROVIDER/NAME",
            description = "The model of every judge reward check that names none: openai/NAME or anthropic/NAME.")
    String model;

    @Option(names = "--judge-base-url", paramLabel = "URL", description = "The --judge-model's endpoint.")
    String baseUrl;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR",
            description = "The environment variable holding the --judge-model's API key.")
    String apiKeyEnv;

    /** Whether any of the flags was given. */
    boolean given() {
        return model != null || baseUrl != null || apiKeyEnv != null;
    }

    /** The reward-check defaults the flags give: {@code {judge: {model, base_url, api_key_env}}}, or none. */
    Map<String, Options> checkDefaults() {
        return given() ? Map.of(JUDGE, modelOptions()) : Map.of();
    }

    /** The judge's model options the flags give, {@code {model, base_url, api_key_env}}; the model is required. */
    Options modelOptions() {
        if (model == null) {
            throw new InputException((baseUrl != null ? "--judge-base-url" : "--judge-api-key-env") + " needs --judge-model",
                    "they set where the --judge-model is called; a judge check that names its own model keeps its own");
        }
        return ModelFlags.options(model, baseUrl, apiKeyEnv);
    }
}

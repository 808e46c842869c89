package io.assay.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A model API family, with the endpoint and key variable used when the user names no other. */
public enum Provider {
    /** OpenAI Chat Completions, and every server compatible with it (vLLM, Ollama, LiteLLM, ...). */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    /** The Anthropic Messages API. */
    ANTHROPIC("anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY");

    private final String id;
    private final String defaultBaseUrl;
    private final String defaultApiKeyEnv;

    Provider(String id, String defaultBaseUrl, String defaultApiKeyEnv) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultApiKeyEnv = defaultApiKeyEnv;
    }

    /** The prefix of a model spec: {@code openai} or {@code anthropic}. */
    public String id() {
        return id;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultApiKeyEnv() {
        return defaultApiKeyEnv;
    }

    /** The provider with this id, ignoring case. */
    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }
}

package io.assay.models;

import java.net.URI;
import java.util.Objects;

/**
 * Which model to call and where: parsed from {@code PROVIDER/NAME} as given to {@code --model}.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.parse("openai/llama3.1:8b").withBaseUrl("http://localhost:11434/v1");
 * spec.apiKeyEnv();   // "OPENAI_API_KEY"
 * }</pre>
 *
 * @param provider the API family
 * @param name the model name the endpoint knows, everything after the first {@code /}
 * @param baseUrl the endpoint without a trailing slash; requests go to {@code {baseUrl}/chat/completions}
 *                (OpenAI) or {@code {baseUrl}/v1/messages} (Anthropic)
 * @param apiKeyEnv the environment variable holding the key (the name, never the key)
 */
public record ModelSpec(Provider provider, String name, String baseUrl, String apiKeyEnv) {

    private static final String EXPECTED = "expected PROVIDER/NAME with PROVIDER openai or anthropic,"
            + " for example openai/gpt-4o-mini or anthropic/claude-sonnet-4-5";

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name is empty; " + EXPECTED);
        }
        baseUrl = checkBaseUrl(baseUrl == null ? provider.defaultBaseUrl() : baseUrl);
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            apiKeyEnv = provider.defaultApiKeyEnv();
        }
    }

    /** Parses {@code openai/gpt-4o-mini}; the name may itself contain slashes (OpenRouter names do). */
    public static ModelSpec parse(String spec) {
        int slash = spec == null ? -1 : spec.indexOf('/');
        if (slash <= 0 || slash == spec.length() - 1) {
            throw new IllegalArgumentException("bad model \"" + spec + "\": " + EXPECTED);
        }
        Provider provider = Provider.byId(spec.substring(0, slash)).orElseThrow(() ->
                new IllegalArgumentException("bad model \"" + spec + "\": unknown provider; " + EXPECTED));
        return new ModelSpec(provider, spec.substring(slash + 1), null, null);
    }

    /** The same model behind another endpoint (a local vLLM or Ollama, a proxy). */
    public ModelSpec withBaseUrl(String url) {
        return new ModelSpec(provider, name, url, apiKeyEnv);
    }

    /** The same model with its key read from another environment variable. */
    public ModelSpec withApiKeyEnv(String variable) {
        return new ModelSpec(provider, name, baseUrl, variable);
    }

    /** {@code provider/name}, as the user wrote it. */
    public String id() {
        return provider.id() + "/" + name;
    }

    private static String checkBaseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base URL \"" + url + "\": expected http(s)://HOST[:PORT][/PATH]");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("bad base URL \"" + url + "\": expected http(s)://HOST[:PORT][/PATH]");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

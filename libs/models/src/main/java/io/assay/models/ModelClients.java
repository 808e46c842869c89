package io.assay.models;

import java.util.function.Function;

/**
 * Builds the client for a model spec: the provider's client, under a {@link LimitedClient}, under a
 * {@link RetryingClient}. Create one per model per run and share it, so the limits hold across trials.
 */
public final class ModelClients {

    private ModelClients() {
    }

    /**
     * A client reading its key from the process environment now.
     *
     * @throws IllegalArgumentException naming the key variable when it is not set
     */
    public static ModelClient create(ModelSpec spec, ModelSettings settings) {
        return create(spec, settings, System::getenv);
    }

    /** As {@link #create(ModelSpec, ModelSettings)}, reading the key from {@code environment}. */
    public static ModelClient create(ModelSpec spec, ModelSettings settings, Function<String, String> environment) {
        ApiKey key = ApiKey.fromEnvironment(spec.apiKeyEnv(), environment);
        ModelClient provider = switch (spec.provider()) {
            case OPENAI -> new OpenAiChatClient(spec, key, settings.requestTimeout());
            case ANTHROPIC -> new AnthropicMessagesClient(spec, key, settings.requestTimeout());
        };
        ModelClient limited = settings.limits().equals(RateLimits.NONE) ? provider
                : new LimitedClient(provider, new RateLimiter(settings.limits()));
        return new RetryingClient(limited, settings.retry());
    }
}

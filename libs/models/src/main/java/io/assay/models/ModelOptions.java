package io.assay.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.ModelCall;
import io.assay.spi.Options;
import io.assay.spi.Tool;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The model options that model-backed agents and judges share, as {@code -A} options or a check's
 * spec: which model, where, with which key variable, limits, prices and sampling. The command line's
 * {@code --model}, {@code --base-url} and {@code --api-key-env} become these options.
 *
 * <pre>{@code
 * ModelOptions model = ModelOptions.from(options);   // {model: openai/gpt-4o-mini, max_concurrent: 8}
 * ModelClient client = model.client();
 * ModelResponse response = client.complete(model.request(messages, List.of()));
 * trace.add(model.call(response).step());
 * }</pre>
 *
 * @param spec the model and its endpoint
 * @param settings timeouts, retries and limits
 * @param prices what tokens cost, for the trace's {@code cost_usd}
 * @param maxTokens the most tokens one reply may have
 * @param temperature sampling temperature, or {@code null} for the endpoint's default
 */
public record ModelOptions(ModelSpec spec, ModelSettings settings, PriceTable prices, int maxTokens, Double temperature) {

    /** The option names, for a factory's {@code allowOnly}. */
    public static final List<String> KEYS = List.of("model", "base_url", "api_key_env", "max_concurrent",
            "requests_per_minute", "tokens_per_minute", "prices", "max_tokens", "temperature", "request_timeout_s",
            "max_attempts");

    /** The option names with {@code prefix} before each, for an owner that takes a second model: {@code user_model}, ... */
    public static List<String> keys(String prefix) {
        return KEYS.stream().map(prefix::concat).toList();
    }

    /** Reads the options; every problem names its field. */
    public static ModelOptions from(Options options) {
        return from(options, "");
    }

    /**
     * Reads the options named with {@code prefix} before each ({@code user_model}, {@code user_base_url}, ...
     * for prefix {@code user_}), so one options block can configure a second model; problems name the
     * prefixed field.
     */
    public static ModelOptions from(Options options, String prefix) {
        String model = prefix + "model";
        ModelSpec spec = parsed(options, model, () -> ModelSpec.parse(options.string(model)));
        if (options.has(prefix + "base_url")) {
            spec = parsed(options, prefix + "base_url", () -> ModelSpec.parse(options.string(model))
                    .withBaseUrl(options.string(prefix + "base_url")));
        }
        if (options.has(prefix + "api_key_env")) {
            spec = spec.withApiKeyEnv(options.string(prefix + "api_key_env"));
        }
        RateLimits limits = new RateLimits(atLeast(options, prefix + "max_concurrent", 0),
                atLeast(options, prefix + "requests_per_minute", 0), atLeast(options, prefix + "tokens_per_minute", 0));
        ModelSettings settings = ModelSettings.defaults().withLimits(limits);
        if (options.has(prefix + "request_timeout_s")) {
            settings = settings.withRequestTimeout(Duration.ofSeconds(atLeast(options, prefix + "request_timeout_s", 1)));
        }
        if (options.has(prefix + "max_attempts")) {
            RetryPolicy retry = settings.retry();
            settings = settings.withRetry(new RetryPolicy(atLeast(options, prefix + "max_attempts", 1), retry.baseDelay(),
                    retry.maxDelay()));
        }
        PriceTable prices = PriceTable.defaults();
        if (options.has(prefix + "prices")) {
            prices = prices.plus(parsed(options, prefix + "prices",
                    () -> PriceTable.load(Path.of(options.string(prefix + "prices")))));
        }
        String temperatureKey = prefix + "temperature";
        Double temperature = options.has(temperatureKey) ? options.number(temperatureKey, 0) : null;
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new InvalidOptionException(options.field(temperatureKey), "expected a number from 0 to 2, got " + temperature);
        }
        return new ModelOptions(spec, settings, prices,
                options.has(prefix + "max_tokens") ? atLeast(options, prefix + "max_tokens", 1) : 4096, temperature);
    }

    /** These options, with {@code defaultTemperature} when they set none: a judge takes 0, to repeat its verdicts. */
    public ModelOptions withDefaultTemperature(double defaultTemperature) {
        return temperature != null ? this : new ModelOptions(spec, settings, prices, maxTokens, defaultTemperature);
    }

    /** The client, with its key read from the process environment. */
    public ModelClient client() {
        return client(System::getenv);
    }

    /** The client, with its key read from {@code environment}; a missing key is the option's error. */
    public ModelClient client(Function<String, String> environment) {
        try {
            return ModelClients.create(spec, settings, environment);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("api_key_env", e.getMessage());
        }
    }

    /** A request with these options' token limit and temperature. */
    public ModelRequest request(List<ChatMessage> messages, List<Tool> tools) {
        return new ModelRequest(messages, tools, maxTokens, temperature);
    }

    /** What one call cost, if the model's price is known. */
    public Optional<BigDecimal> cost(ModelResponse response) {
        return prices.cost(spec.name(), response.usage());
    }

    /**
     * One call as a trial records it: the requested and served model, fingerprint, tokens, cost,
     * latency, attempts, and the request and response as sent (no key).
     */
    public ModelCall call(ModelResponse response) {
        return new ModelCall(spec.provider().id(), spec.name(), response.servedModel(), response.fingerprint(),
                response.usage().inputTokens(), response.usage().outputTokens(), cost(response).orElse(null),
                response.latency().toMillis(), response.attempts(), response.stopReason(), json(response.rawRequest()),
                json(response.rawResponse()));
    }

    private static Object json(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return ModelJson.MAPPER.readValue(raw, Object.class);
        } catch (JsonProcessingException notJson) {
            return raw;
        }
    }

    private static int atLeast(Options options, String key, int minimum) {
        int value = options.integer(key, minimum);
        if (value < minimum) {
            throw new InvalidOptionException(options.field(key), "expected a whole number, " + minimum + " or more, got " + value);
        }
        return value;
    }

    private static <T> T parsed(Options options, String key, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(options.field(key), e.getMessage());
        }
    }
}

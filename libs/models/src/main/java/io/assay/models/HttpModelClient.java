package io.assay.models;

import java.time.Duration;
import java.util.Map;

/**
 * A model API that takes one JSON request per call at one URL of the provider's base URL: what
 * the providers share (the endpoint, the key, writing the request and posting it), while each
 * provider says how its request looks, how it is authorized and how its answer reads.
 */
abstract sealed class HttpModelClient implements ModelClient permits AnthropicMessagesClient, OpenAiChatClient {

    final ModelSpec spec;
    final ApiKey key;
    final JsonEndpoint endpoint;

    /** @param path the API's path below the spec's base URL, such as {@code /v1/messages} */
    HttpModelClient(ModelSpec spec, Provider provider, String path, ApiKey key, Duration requestTimeout) {
        if (spec.provider() != provider) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs an " + provider.id()
                    + "/ model, got " + spec.id());
        }
        this.spec = spec;
        this.key = key;
        this.endpoint = new JsonEndpoint(spec.baseUrl() + path, requestTimeout, key);
    }

    @Override
    public final ModelSpec spec() {
        return spec;
    }

    @Override
    public final ModelResponse complete(ModelRequest request) throws InterruptedException {
        String body = ModelJson.write(requestBody(request));
        return response(body, endpoint.post(headers(), body));
    }

    /** The request's JSON, as plain values. */
    abstract Map<String, Object> requestBody(ModelRequest request);

    /** The headers that carry the key (and any API version). */
    abstract Map<String, String> headers();

    /** The answer, read from what the endpoint replied to {@code requestBody}. */
    abstract ModelResponse response(String requestBody, JsonEndpoint.Exchange exchange);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.id() + " at " + spec.baseUrl() + ", key from $" + key.variable() + "]";
    }
}

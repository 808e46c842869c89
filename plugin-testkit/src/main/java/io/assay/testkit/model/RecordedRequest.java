package io.assay.testkit.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request a {@link FakeModelServer} received.
 *
 * <pre>{@code
 * RecordedRequest request = server.requests().getFirst();
 * assertEquals("Bearer sk-test", request.header("Authorization"));
 * assertEquals("gpt-4o-mini", request.json().get("model"));
 * }</pre>
 *
 * @param method the HTTP method
 * @param path the request path
 * @param headers the headers, names in lower case
 * @param body the body as sent
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {

    /** The first value of a header, or {@code null}; the name is matched ignoring case. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /**
     * The body, a JSON object, as plain values: {@code Map}s in field order, {@code List}s,
     * {@code String}s, {@code Boolean}s, {@code null}, and numbers as {@code Integer}, {@code Long}
     * or {@code BigInteger} when whole, else {@code BigDecimal}.
     *
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        if (!(Json.parse(body) instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("the body of " + method + " " + path + " is not a JSON object: " + body);
        }
        return (Map<String, Object>) object;
    }
}

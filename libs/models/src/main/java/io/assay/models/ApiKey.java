package io.assay.models;

import java.util.Objects;
import java.util.function.Function;

/**
 * An API key and the environment variable it came from. Only the clients of this package can read
 * the key; {@link #toString()} shows the variable's name, so a key printed by accident reveals nothing.
 */
public final class ApiKey {

    private static final int SHORTEST_SECRET = 8;

    private final String variable;
    private final String secret;

    private ApiKey(String variable, String secret) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /**
     * Reads the key from {@code environment} (normally {@code System::getenv}).
     *
     * @throws IllegalArgumentException naming the variable when it is unset or blank
     */
    public static ApiKey fromEnvironment(String variable, Function<String, String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set; set it to the"
                    + " API key (any non-empty value for a local endpoint that needs none)");
        }
        return new ApiKey(variable, value.strip());
    }

    /** A key given directly, for tests and embedding; {@code variable} only labels it. */
    public static ApiKey of(String variable, String secret) {
        return new ApiKey(variable, secret);
    }

    public String variable() {
        return variable;
    }

    String secret() {
        return secret;
    }

    /**
     * {@code text} with every occurrence of the key masked, for bodies that an endpoint may echo.
     * Values shorter than {@value #SHORTEST_SECRET} characters are placeholders for local endpoints
     * that need no key, and masking them would garble every message, so they are left alone.
     */
    String redact(String text) {
        return text == null || secret.length() < SHORTEST_SECRET ? text : text.replace(secret, "***");
    }

    @Override
    public String toString() {
        return "ApiKey[$" + variable + "]";
    }
}

package io.assay.testkit;

import java.util.Optional;

/**
 * A real component some tests need, such as a Docker engine or a browser. The tests run when it is
 * there; without it they are skipped, saying what is missing, or fail when the environment variable
 * that requires it is {@code 1}, as CI sets it, so a missing component can never pass CI silently.
 *
 * <pre>{@code
 * Requirement browser = new Requirement("ASSAY_REQUIRE_BROWSER");
 * Optional<String> skip = browser.skipReason(missing, browser.required()); // throws when required
 * }</pre>
 *
 * @param variable the environment variable that, set to {@code 1}, makes a missing component a failure
 */
public record Requirement(String variable) {

    /** Whether the environment requires the component. */
    public boolean required() {
        return "1".equals(System.getenv(variable));
    }

    /**
     * Why to skip the tests: nothing when nothing is {@code missing}.
     *
     * @param missing what is missing, or {@code null}
     * @throws IllegalStateException when something is missing and the component is {@code required}
     */
    public Optional<String> skipReason(String missing, boolean required) {
        if (missing == null) {
            return Optional.empty();
        }
        if (required) {
            throw new IllegalStateException(missing + " (" + variable + "=1: failing instead of skipping)");
        }
        return Optional.of("skipped: " + missing);
    }
}

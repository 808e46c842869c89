package io.assay.agents.model;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.time.Duration;

/**
 * When the {@code react} loop stops on its own, whatever the model does: a model that never stops
 * calling tools must not run up a bill until the trial's timeout.
 *
 * @param maxTurns model calls per trial
 * @param maxTotalTokens input and output tokens per trial, over all calls
 * @param maxTime wall-clock time per trial
 */
record ReactLimits(int maxTurns, int maxTotalTokens, Duration maxTime) {

    static final String MAX_TURNS = "max_turns";
    static final String MAX_TOTAL_TOKENS = "max_total_tokens";
    static final String MAX_SECONDS = "max_seconds";

    /** Reads the limits; absent ones take their defaults (30 calls, 200,000 tokens, 600 s). */
    static ReactLimits from(Options options) {
        return new ReactLimits(positive(options, MAX_TURNS, 30), positive(options, MAX_TOTAL_TOKENS, 200_000),
                Duration.ofSeconds(positive(options, MAX_SECONDS, 600)));
    }

    private static int positive(Options options, String key, int fallback) {
        int value = options.integer(key, fallback);
        if (value < 1) {
            throw new InvalidOptionException(options.field(key), "expected a whole number, 1 or more, got " + value);
        }
        return value;
    }
}

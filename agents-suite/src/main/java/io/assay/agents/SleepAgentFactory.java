package io.assay.agents;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;

/**
 * {@code --agent sleep -A ms=100}: waits, then answers like the oracle. Stands in for a slow model
 * when measuring the harness's own throughput and timeouts.
 */
public final class SleepAgentFactory implements AgentFactory {
    private static final long DEFAULT_MILLIS = 100;

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public String description() {
        return "for harness benchmarks: sleeps ms milliseconds (default 100), then answers like oracle";
    }

    @Override
    public Agent create(Options options) {
        options.allowOnly("ms");
        long millis = millis(options);
        return input -> {
            Thread.sleep(millis);
            return AgentOutput.of(SolutionText.of(input.task().solution()));
        };
    }

    /** Callers in code pass a number; {@code -A ms=100} on the command line passes the string "100". */
    private static long millis(Options options) {
        Object value = options.get("ms");
        if (value == null) {
            return DEFAULT_MILLIS;
        }
        Long millis = switch (value) {
            case String text -> parseLong(text.strip());
            case Number number when number.doubleValue() == Math.rint(number.doubleValue()) -> number.longValue();
            default -> null;
        };
        if (millis == null || millis < 0) {
            throw new InvalidOptionException(options.field("ms"),
                    "expected a whole number of milliseconds, 0 or more, got " + Options.describe(value));
        }
        return millis;
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

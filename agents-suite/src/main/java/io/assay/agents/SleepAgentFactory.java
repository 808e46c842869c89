package io.assay.agents;

import io.assay.kit.JsonValues;
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
    private static final int DEFAULT_MILLIS = 100;

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
            return AgentOutput.of(JsonValues.text(input.task().solution()));
        };
    }

    private static long millis(Options options) {
        int millis = options.integer("ms", DEFAULT_MILLIS);
        if (millis < 0) {
            throw new InvalidOptionException(options.field("ms"),
                    "expected a whole number of milliseconds, 0 or more, got " + millis);
        }
        return millis;
    }
}

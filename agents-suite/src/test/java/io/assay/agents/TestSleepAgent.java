package io.assay.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Agent;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSleepAgent {

    @Test
    void answersTheSolutionLikeTheOracle() throws Exception {
        Agent agent = sleep(Map.of("ms", 0));

        assertThat(agent.act(Inputs.task("q1", 42)).answer()).isEqualTo("42");
    }

    @Test
    void acceptsMillisecondsAsACommandLineString() throws Exception {
        assertThat(sleep(Map.of("ms", " 0 ")).act(Inputs.task("q1", "x")).answer()).isEqualTo("x");
    }

    @Test
    void rejectsNegativeFractionalAndNonNumericMilliseconds() {
        for (Object ms : new Object[] {-1, 1.5, "soon", "-5", true}) {
            assertThatThrownBy(() -> sleep(Map.of("ms", ms)))
                    .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.field()).isEqualTo("ms"))
                    .hasMessageContaining("expected a whole number");
        }
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> sleep(Map.of("seconds", 1)))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.field()).isEqualTo("seconds"));
    }

    @Test
    void interruptionEndsTheSleep() {
        // The default 100 ms would pass unnoticed; an hour shows that interruption, not time, ends it.
        Agent agent = sleep(Map.of("ms", "3600000"));

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> agent.act(Inputs.task("q1", "x"))).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void describesItselfAsAHarnessBenchmarkTool() {
        assertThat(new SleepAgentFactory().description()).contains("harness benchmarks");
    }

    private static Agent sleep(Map<String, Object> options) {
        return new SleepAgentFactory().create(Options.of(options));
    }
}

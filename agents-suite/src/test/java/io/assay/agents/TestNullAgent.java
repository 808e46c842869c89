package io.assay.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestNullAgent {

    @Test
    void answersNothing() throws Exception {
        AgentOutput output = new NullAgentFactory().create(Options.empty()).act(Inputs.task("q1", "42"));

        assertThat(output.answer()).isEmpty();
        assertThat(output.trace()).isEmpty();
    }

    @Test
    void rejectsOptions() {
        assertThatThrownBy(() -> new NullAgentFactory().create(Options.of(Map.of("ms", "1"))))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.field()).isEqualTo("ms"));
    }
}

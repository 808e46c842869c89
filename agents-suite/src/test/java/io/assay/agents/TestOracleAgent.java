package io.assay.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Agent;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOracleAgent {
    private final Agent oracle = new OracleAgentFactory().create(Options.empty());

    @Test
    void answersStringSolutionsAsTheyAre() throws Exception {
        assertThat(oracle.act(Inputs.task("q1", " Paris \n")).answer()).isEqualTo(" Paris \n");
    }

    @Test
    void answersOtherJsonValuesAsCompactJson() throws Exception {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("city", "Paris");
        object.put("zip", List.of(75001, 75002));

        assertThat(oracle.act(Inputs.task("q1", 5)).answer()).isEqualTo("5");
        assertThat(oracle.act(Inputs.task("q1", true)).answer()).isEqualTo("true");
        assertThat(oracle.act(Inputs.task("q1", new BigDecimal("1E+3"))).answer()).isEqualTo("1000");
        assertThat(oracle.act(Inputs.task("q1", object)).answer())
                .isEqualTo("{\"city\":\"Paris\",\"zip\":[75001,75002]}");
    }

    @Test
    void answersNothingWithoutASolution() throws Exception {
        assertThat(oracle.act(Inputs.task("q1", null)).answer()).isEmpty();
    }

    @Test
    void rejectsOptions() {
        assertThatThrownBy(() -> new OracleAgentFactory().create(Options.of(Map.of("file", "x"))))
                .isInstanceOf(InvalidOptionException.class);
    }
}

package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSpecs {

    @Test
    void fieldsKeepTheOrderWrittenAndErrorsNameThemByPath() {
        Options spec = Specs.reward("regex", "pattern", "^4[0-9]$", "ignore_case", true);

        assertThat(spec.path()).isEqualTo("reward");
        assertThat(spec.values().keySet()).containsExactly("type", "pattern", "ignore_case");
        assertThat(spec.string("pattern")).isEqualTo("^4[0-9]$");
        assertThatThrownBy(() -> spec.string("missing"))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.field()).isEqualTo("reward.missing"));
    }

    @Test
    void environmentAndPlainOptionsSitWhereTheirDocumentsPutThem() {
        assertThat(Specs.environment("docker", "warm_pool", 2))
                .isEqualTo(new Options("environment", Map.of("type", "docker", "warm_pool", 2)));
        assertThat(Specs.options("", "model", "openai/gpt-4o-mini")).isEqualTo(Options.of(Map.of("model", "openai/gpt-4o-mini")));
        assertThat(Specs.options("agent", "verbose", null).has("verbose")).isTrue();
    }

    @Test
    void pairsThatDoNotPairAreRejected() {
        assertThatThrownBy(() -> Specs.options("reward", "type"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs").hasMessageContaining("'reward'");
        assertThatThrownBy(() -> Specs.reward("regex", 7, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item 2").hasMessageContaining("field name, got 7");
    }
}

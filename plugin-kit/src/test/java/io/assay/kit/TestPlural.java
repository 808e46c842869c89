package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPlural {

    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertThat(Plural.of(1, "task")).isEqualTo("1 task");
        assertThat(Plural.of(0, "task")).isEqualTo("0 tasks");
        assertThat(Plural.of(3, "harness error")).isEqualTo("3 harness errors");
    }

    @Test
    void nounAloneAgreesWithTheCount() {
        assertThat(Plural.noun(1, "trial")).isEqualTo("trial");
        assertThat(Plural.noun(2, "trial")).isEqualTo("trials");
    }
}

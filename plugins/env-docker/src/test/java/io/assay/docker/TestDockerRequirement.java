package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * The container tests run when Docker is there, skip without it, and fail instead of skipping when
 * {@code ASSAY_REQUIRE_DOCKER=1}, as CI sets it: CI cannot pass with the sandbox tests silently skipped.
 */
class TestDockerRequirement {

    @Test
    void runsTheTestsWhenNothingIsMissing() {
        assertThat(DockerRequirement.decide(null, true).isDisabled()).isFalse();
        assertThat(DockerRequirement.decide(null, false).isDisabled()).isFalse();
    }

    @Test
    void skipsThemSayingWhyWhenDockerIsOptional() {
        ConditionEvaluationResult result = DockerRequirement.decide("no Docker engine answers at unix:///x", false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("skipped: no Docker engine answers at unix:///x");
    }

    @Test
    void failsThemWhenDockerIsRequired() {
        assertThatThrownBy(() -> DockerRequirement.decide("no Docker engine answers at unix:///x", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no Docker engine answers at unix:///x (ASSAY_REQUIRE_DOCKER=1: failing instead of skipping)");
    }
}

package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import org.junit.jupiter.api.Test;

class TestTrialRecords {
    private static final Task TASK = TaskBuilder.task("q1").answer("4").build();
    private static final Suite SUITE = SuiteBuilder.suite("sums").task(TASK).build();

    @Test
    void aCompletedTrialCountsItsGrade() {
        TrialRecord record = TrialRecords.completed(SUITE, TASK, 2, AgentOutput.of("4"), RewardResult.pass("equal"));

        assertThat(record.suite()).isEqualTo("sums");
        assertThat(record.task()).isEqualTo("q1");
        assertThat(record.epoch()).isEqualTo(2);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.passed()).isTrue();
        assertThat(record.score()).isEqualTo(1.0);
        assertThat(record).isEqualTo(TrialRecords.completed(SUITE, TASK, 2, AgentOutput.of("4"), RewardResult.pass("equal")));
    }

    @Test
    void anEndedTrialHasNoGradeAndCountsAsItsOutcomeSays() {
        assertThat(TrialRecords.ended(SUITE, TASK, 0, Outcome.AGENT_ERROR, "crashed").score()).isEqualTo(0.0);
        assertThat(TrialRecords.ended(SUITE, TASK, 0, Outcome.HARNESS_ERROR, "docker is down").score()).isNaN();
        assertThat(TrialRecords.ended(SUITE, TASK, 0, Outcome.TIMEOUT, "30 s").reward()).isNull();
    }

    @Test
    void aCompletedTrialWithoutAGradeIsRejected() {
        assertThatThrownBy(() -> TrialRecords.ended(SUITE, TASK, 0, Outcome.COMPLETED, "?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TrialRecords.completed");
    }
}

package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.MaxErrors;
import io.assay.spi.AgentOutput;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.TrialRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFailFast {
    private static final String REFUSED = "FatalEnvironmentException: HTTP 401: key refused";

    @Test
    void threeTrialsInARowFailingTheSameFatalWayAbortAndAreNotRecorded() {
        FailFast failFast = new FailFast(null);

        assertThat(failFast.finished(fatal("t0", REFUSED))).isEmpty();
        assertThat(failFast.finished(fatal("t1", REFUSED))).isEmpty();
        assertThat(failFast.reason()).isNull();
        assertThat(failFast.finished(fatal("t2", REFUSED))).isEmpty();

        assertThat(failFast.reason()).isEqualTo("3 trials in a row failed the same way, which would fail every trial: "
                + REFUSED);
        assertThat(failFast.finished(fatal("t3", REFUSED))).as("a trial in flight failing the same way").isEmpty();
        assertThat(failFast.finished(passed("t4"))).extracting(t -> t.record().task()).containsExactly("t4");
        assertThat(failFast.rest()).isEmpty();
    }

    @Test
    void aFatalFailureThatDoesNotPersistIsRecordedOnceATrialSucceeds() {
        FailFast failFast = new FailFast(null);

        assertThat(failFast.finished(fatal("t0", REFUSED))).isEmpty();
        assertThat(failFast.finished(fatal("t1", REFUSED))).isEmpty();
        assertThat(failFast.finished(passed("t2"))).extracting(t -> t.record().task()).containsExactly("t0", "t1", "t2");
        assertThat(failFast.finished(fatal("t3", REFUSED))).isEmpty();
        assertThat(failFast.finished(fatal("t4", REFUSED))).isEmpty();

        assertThat(failFast.reason()).as("the streak restarted after t2").isNull();
        assertThat(failFast.rest()).extracting(t -> t.record().task()).containsExactly("t3", "t4");
        assertThat(failFast.reason()).as("not every trial failed").isNull();
    }

    @Test
    void differentFatalErrorsAreNotOneStreak() {
        FailFast failFast = new FailFast(null);

        failFast.finished(fatal("t0", REFUSED));
        failFast.finished(fatal("t1", REFUSED));
        assertThat(failFast.finished(fatal("t2", "FatalEnvironmentException: HTTP 404")))
                .extracting(t -> t.record().task()).containsExactly("t0", "t1");

        assertThat(failFast.reason()).isNull();
    }

    @Test
    void aShortRunWhoseEveryTrialFailedTheSameFatalWayIsAborted() {
        FailFast failFast = new FailFast(null);
        failFast.finished(fatal("t0", REFUSED));
        failFast.finished(fatal("t1", REFUSED));

        assertThat(failFast.rest()).isEmpty();

        assertThat(failFast.reason()).startsWith("2 trials in a row failed the same way").endsWith(REFUSED);
    }

    @Test
    void moreErrorsThanMaxErrorsAllowsAbortAndTheErrorsStayRecorded() {
        FailFast failFast = new FailFast(MaxErrors.parse("1"));

        assertThat(failFast.finished(error("t0"))).hasSize(1);
        assertThat(failFast.finished(passed("t1"))).hasSize(1);
        assertThat(failFast.reason()).isNull();
        assertThat(failFast.finished(error("t2"))).hasSize(1);

        assertThat(failFast.reason()).isEqualTo("2 of 3 trials ended in harness or judge errors, more than --max-errors 1 allows");
    }

    @Test
    void aPercentageIsJudgedOnlyAfterTwentyTrials() {
        FailFast failFast = new FailFast(MaxErrors.parse("10%"));
        for (int i = 0; i < 19; i++) {
            failFast.finished(i < 3 ? error("t" + i) : passed("t" + i));
        }
        assertThat(failFast.reason()).as("3 of 19 is over 10%, but 19 trials are too few to judge").isNull();

        failFast.finished(passed("t19"));

        assertThat(failFast.reason())
                .isEqualTo("3 of 20 trials (15.0%) ended in harness or judge errors, more than --max-errors 10% allows");
    }

    private static FinishedTrial fatal(String task, String error) {
        return new FinishedTrial(null, record(task, Outcome.HARNESS_ERROR, error), true);
    }

    private static FinishedTrial error(String task) {
        return new FinishedTrial(null, record(task, Outcome.HARNESS_ERROR, "EnvironmentException: sandbox did not start"),
                false);
    }

    private static FinishedTrial passed(String task) {
        return new FinishedTrial(null, record(task, Outcome.COMPLETED, null), false);
    }

    private static TrialRecord record(String task, Outcome outcome, String error) {
        RewardResult reward = outcome == Outcome.COMPLETED ? new RewardResult(1.0, true, "", Map.of()) : null;
        return new TrialRecord("s", task, 0, 0, outcome, AgentOutput.of(""), reward, error, 1, Instant.EPOCH,
                Duration.ZERO, Duration.ZERO);
    }
}

package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-task mean scores to a mean and Student's t interval, checked against figures worked by hand. */
class TestScoreStatistics {

    @Test
    void meanStandardErrorAndStudentTIntervalClippedToOne() {
        // mean 0.625; squared deviations sum 0.3125, variance 0.104167, stderr 0.161374; t(3, 0.975) = 3.182446
        ScoreStatistics statistics = ScoreStatistics.of(List.of(0.5, 1.0, 0.75, 0.25));

        assertThat(statistics.mean()).isEqualTo(0.625);
        assertThat(statistics.stderr()).isCloseTo(0.161374, within(1e-6));
        assertThat(statistics.ci95()[0]).isCloseTo(0.625 - 3.182446 * 0.161374, within(1e-5));
        assertThat(statistics.ci95()[1]).isEqualTo(1.0); // 1.1386 clipped: no score exceeds 1
    }

    @Test
    void noTaskHasNoScoreAndOneTaskNoInterval() {
        assertThat(ScoreStatistics.of(List.of())).isEqualTo(new ScoreStatistics(null, null, null));
        assertThat(ScoreStatistics.of(List.of(0.5)).mean()).isEqualTo(0.5);
        assertThat(ScoreStatistics.of(List.of(0.5)).ci95()).isNull();
    }
}

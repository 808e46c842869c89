package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The paired difference of two runs' per-task scores, checked against figures worked by hand. */
class TestPairedDifference {

    @Test
    void meanStandardErrorAndStudentTIntervalOfThePerTaskDifferences() {
        // differences b - a: 1, 0, 0, 1 -> mean 0.5, sd 0.5774, stderr 0.2887, t(3, 0.975) = 3.1824
        PairedDifference paired = PairedDifference.of(List.of(
                new double[] {0, 1}, new double[] {1, 1}, new double[] {0.5, 0.5}, new double[] {0, 1}));

        assertThat(paired.tasks()).isEqualTo(4);
        assertThat(paired.difference().mean()).isEqualTo(0.5);
        assertThat(paired.difference().stderr()).isCloseTo(0.288675, within(1e-6));
        assertThat(paired.difference().ci95()[0]).isCloseTo(0.5 - 3.182446 * 0.288675, within(1e-5));
        assertThat(paired.difference().ci95()[1]).isEqualTo(1.0); // 1.4187 clipped: no difference exceeds 1
    }

    @Test
    void aDropIsNegativeAndItsIntervalIsClippedAtMinusOne() {
        PairedDifference paired = PairedDifference.of(List.of(new double[] {1, 0}, new double[] {1, 0}, new double[] {1, 1}));

        assertThat(paired.difference().mean()).isCloseTo(-2.0 / 3, within(1e-12));
        assertThat(paired.difference().ci95()[0]).isEqualTo(-1.0);
    }

    @Test
    void withOneTaskThereIsAMeanButNoInterval() {
        PairedDifference paired = PairedDifference.of(List.of(new double[] {0.25, 0.75}));

        assertThat(paired.difference().mean()).isEqualTo(0.5);
        assertThat(paired.difference().stderr()).isNull();
        assertThat(paired.difference().ci95()).isNull();
    }
}

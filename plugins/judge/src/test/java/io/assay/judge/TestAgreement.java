package io.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TestAgreement {

    @Test
    void kappaDiscountsChanceAgreement() {
        // The textbook table: 20 both yes, 5 and 10 split, 15 both no; observed 0.7, chance 0.5.
        Agreement agreement = new Agreement(20, 5, 10, 15);
        assertThat(agreement.observed()).isEqualTo(0.7);
        assertThat(agreement.kappa()).hasValueCloseTo(0.4, within(1e-12));
    }

    @Test
    void aJudgeThatPassesEverythingHasNoAgreementBeyondChance() {
        Agreement agreement = Agreement.NONE;
        for (int i = 0; i < 10; i++) {
            agreement = agreement.plus(true, i < 9);
        }
        assertThat(agreement.observed()).isEqualTo(0.9);
        assertThat(agreement.kappa()).hasValue(0.0);
    }

    @Test
    void kappaIsUndefinedWhenBothGaveEverythingTheSameLabel() {
        assertThat(new Agreement(5, 0, 0, 0).kappa()).isEmpty();
        assertThat(new Agreement(0, 0, 0, 5).kappa()).isEmpty();
        assertThat(new Agreement(0, 5, 0, 0).kappa()).hasValue(0.0);
    }
}

package io.assay.core.run;

import io.assay.spi.RewardResult;
import io.assay.spi.VerdictException;

/**
 * What a judge error's record keeps of the failed grading: the check's evidence (its replies and
 * model calls, which cost money and count towards usage), as a reward that counts for nothing.
 */
final class NoVerdict {

    private NoVerdict() {
    }

    /** The evidence as a record's reward, or {@code null} when the check gave none. */
    static RewardResult evidence(VerdictException e) {
        return e.evidence().isEmpty() ? null : new RewardResult(0.0, false, "no verdict: " + e.getMessage(), e.evidence());
    }
}

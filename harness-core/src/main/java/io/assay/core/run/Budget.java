package io.assay.core.run;

import io.assay.core.InputException;
import java.math.BigDecimal;

/** {@code --max-cost}: a run stops scheduling trials once its model calls have cost this much. */
final class Budget {

    private Budget() {
    }

    static void check(BigDecimal maxCostUsd) {
        if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
            throw new InputException("--max-cost must be a positive amount in US dollars, got " + maxCostUsd.toPlainString());
        }
    }

    /** Whether {@code spent} reaches the budget; never without one. */
    static boolean reached(BigDecimal maxCostUsd, BigDecimal spent) {
        return maxCostUsd != null && spent.compareTo(maxCostUsd) >= 0;
    }
}

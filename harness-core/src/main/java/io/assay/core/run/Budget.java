package io.assay.core.run;

import java.math.BigDecimal;

/** {@code --max-cost}: a run stops scheduling trials once its model calls have cost this much. */
final class Budget {

    private Budget() {
    }

    /** Whether {@code spent} reaches the budget; never without one. */
    static boolean reached(BigDecimal maxCostUsd, BigDecimal spent) {
        return maxCostUsd != null && spent.compareTo(maxCostUsd) >= 0;
    }
}

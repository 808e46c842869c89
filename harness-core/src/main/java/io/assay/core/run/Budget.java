package io.assay.core.run;

import java.math.BigDecimal;
import java.util.function.Supplier;

/** {@code --max-cost}: a run stops scheduling trials once its model calls have cost this much. */
final class Budget {

    private Budget() {
    }

    /**
     * Whether what was spent reaches the budget; never without one. {@code spent} is asked only when
     * there is a budget: it takes the run's log lock, which every trial would otherwise take once more.
     */
    static boolean reached(BigDecimal maxCostUsd, Supplier<BigDecimal> spent) {
        return maxCostUsd != null && spent.get().compareTo(maxCostUsd) >= 0;
    }
}

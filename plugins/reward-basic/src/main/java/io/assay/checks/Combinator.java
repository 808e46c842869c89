package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.List;

/**
 * A check that grades with every child check and combines their results ({@code all}, {@code any},
 * {@code weighted}); it grades what its children grade, and is remote when one of them is.
 */
interface Combinator extends RewardCheck {

    ChildChecks children();

    /** The verdict from every child's result, in the children's order. */
    RewardResult combine(List<RewardResult> results);

    @Override
    default RewardResult check(Task task, AgentOutput output) {
        return combine(children().run(task, output));
    }

    @Override
    default RewardResult check(Task task, AgentOutput output, EnvironmentSession session) throws InterruptedException {
        return combine(children().run(task, output, session));
    }

    @Override
    default boolean remote() {
        return children().remote();
    }
}

package io.assay.agents;

import io.assay.kit.JsonValues;
import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.Options;
import io.assay.spi.ReferenceSolution;

/**
 * {@code --agent oracle}: answers each task's reference solution, or, where the environment knows
 * how to apply it (a sandbox running {@code solve.sh}), has the environment apply it. A task it
 * fails is unsolvable or wrongly graded (ABC T.8, T.9). Loading a suite makes a task's solution
 * the reply a correct agent gives ({@code SuiteLoader.Context.checkedSolution}), such as the first
 * of a list of acceptable answers, so the oracle answers it as it is.
 */
public final class OracleAgentFactory implements AgentFactory {

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String description() {
        return "answers each task's reference solution; every task should pass";
    }

    @Override
    public Agent create(Options options) {
        options.allowOnly();
        return input -> input.environment() instanceof ReferenceSolution reference
                ? reference.solve()
                : AgentOutput.of(JsonValues.text(input.task().solution()));
    }
}

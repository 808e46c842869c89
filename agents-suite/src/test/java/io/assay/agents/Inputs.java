package io.assay.agents;

import io.assay.spi.AgentInput;
import io.assay.testkit.TaskBuilder;

/** Agent inputs for tests. */
final class Inputs {

    private Inputs() {
    }

    static AgentInput task(String id, Object solution) {
        return task(id, solution, 0);
    }

    static AgentInput task(String id, Object solution, int epoch) {
        return new AgentInput(TaskBuilder.task(id).prompt("prompt of " + id).answer(solution).build(), epoch, 7L, () -> { });
    }
}

package io.assay.agents;

import io.assay.spi.AgentInput;
import io.assay.spi.Task;

/** Agent inputs for tests. */
final class Inputs {

    private Inputs() {
    }

    static AgentInput task(String id, Object solution) {
        return task(id, solution, 0);
    }

    static AgentInput task(String id, Object solution, int epoch) {
        return new AgentInput(new Task(id, "prompt of " + id, solution, solution, null, null), epoch, 7L, () -> { });
    }
}

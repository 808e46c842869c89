package io.assay.tools;

import io.assay.spi.TraceStep;
import io.assay.spi.UserSimulator;
import java.util.function.Consumer;

/**
 * Who plays the user in a tool environment's trials, chosen once per run by {@link UserOptions}:
 * the {@link ScriptedUser}, or a {@link ModelUser} playing the task's scenario.
 */
@FunctionalInterface
interface UserSide {

    /**
     * The user of one trial.
     *
     * @param transcript where the user records what it does besides speaking (its model calls), in
     *     the trial's transcript
     */
    UserSimulator forTrial(Consumer<TraceStep> transcript);
}

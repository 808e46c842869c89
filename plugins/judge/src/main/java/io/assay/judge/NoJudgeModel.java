package io.assay.judge;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.util.Optional;

/**
 * A judge check with no model to ask: its spec names none and the run was given no
 * {@code --judge-model}. The suite still loads (a published benchmark cannot name the user's judge);
 * each grading is a judge error, never a pass or a fail, that says how to name one.
 */
final class NoJudgeModel implements RewardCheck {

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        throw new VerdictException("no judge model: this judge check names none; pass --judge-model PROVIDER/NAME"
                + " (for example --judge-model openai/gpt-4o-mini), or give the check a model");
    }
}

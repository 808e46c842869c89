package io.assay.core.suite;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.core.environment.Environments;
import io.assay.core.reward.RewardChecks;
import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Validates specs through their factories, so a suite that loads is a suite that runs (reward
 * checks are created, environments validated by their factory: the docker one needs no engine), and
 * grades each task's reference with its own check, so a suite that loads is one whose every task can score.
 */
public final class SpecValidation implements SuiteLoader.Context {
    private final RewardChecks rewardChecks;
    private final Environments environments;
    private final boolean refuseUnscorable;

    @Inject
    public SpecValidation(RewardChecks rewardChecks, Environments environments) {
        this(rewardChecks, environments, true);
    }

    private SpecValidation(RewardChecks rewardChecks, Environments environments, boolean refuseUnscorable) {
        this.rewardChecks = rewardChecks;
        this.environments = environments;
        this.refuseUnscorable = refuseUnscorable;
    }

    /**
     * The same validation, except that a task whose reference fails its own check is kept: the
     * audit loads suites this way, because reporting such tasks is its job (ABC T.7, T.9).
     */
    public SpecValidation keepingUnscorableTasks() {
        return new SpecValidation(rewardChecks, environments, false);
    }

    @Override
    public void validateReward(Options spec) {
        rewardChecks.create(spec);
    }

    @Override
    public void validateEnvironment(Options spec) {
        environments.validate(spec);
    }

    @Override
    public Object checkedSolution(Task task, Options reward) {
        RewardCheck check = rewardChecks.create(reward);
        if (!ReferenceAnswers.gradesAnswers(check)) {
            return task.solution(); // The environment applies it (a sandbox's solve.sh, gold actions).
        }
        String reply = ReferenceAnswers.reply(task, check);
        if (check.remote()) {
            return reply; // Never called here: a judge would cost a model call per task.
        }
        String type = String.valueOf(reward.get("type"));
        RewardResult result;
        try {
            result = check.check(task, AgentOutput.of(reply), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading the reference of task '" + task.id() + "'", e);
        } catch (RuntimeException groundTruthBug) {
            return unscorable(reply, "answer", "its own reward check (" + type + ") cannot grade it, so no reply can"
                    + " ever score: " + describe(groundTruthBug));
        }
        if (result.passed()) {
            return reply;
        }
        return ReferenceAnswers.hasOwnSolution(task)
                ? unscorable(reply, "solution", "the solution, which the oracle answers, fails the task's own reward"
                        + " check (" + type + "): " + result.explanation())
                : unscorable(reply, "answer", "the answer, as a correct agent replies it, fails its own reward check ("
                        + type + "): " + result.explanation() + "; fix it, or add a \"solution\" that passes");
    }

    private String unscorable(String reply, String field, String problem) {
        if (refuseUnscorable) {
            throw new InvalidOptionException(field, problem);
        }
        return reply;
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}

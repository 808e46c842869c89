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
import java.util.function.Predicate;

/**
 * Validates specs through their factories, so a suite that loads is a suite that runs (reward
 * checks are created, environments validated by their factory: the docker one needs no engine), and
 * grades each task's reference with its own check, so a suite that loads is one whose every task can score.
 */
public final class SpecValidation implements SuiteLoader.Context {
    private final RewardChecks rewardChecks;
    private final Environments environments;
    private final boolean refuseUnscorable;
    private final Predicate<String> graded;

    @Inject
    public SpecValidation(RewardChecks rewardChecks, Environments environments) {
        this(rewardChecks, environments, true, task -> true);
    }

    private SpecValidation(RewardChecks rewardChecks, Environments environments, boolean refuseUnscorable,
                           Predicate<String> graded) {
        this.rewardChecks = rewardChecks;
        this.environments = environments;
        this.refuseUnscorable = refuseUnscorable;
        this.graded = graded;
    }

    /**
     * The same validation, except that a task whose reference fails its own check is kept: the
     * audit loads suites this way, because reporting such tasks is its job (ABC T.7, T.9).
     */
    public SpecValidation keepingUnscorableTasks() {
        return new SpecValidation(rewardChecks, environments, false, graded);
    }

    /**
     * The same validation, except that only the references of the tasks {@code gradedTasks} accepts
     * (by id) are graded; any other task's solution is its {@link ReferenceAnswers#firstReading}. For
     * a shard joining a run: the load that wrote the run's manifest graded every reference of the
     * same suite content, and the shard runs only its own tasks (reference grading was a third of
     * loading a 100,000-task suite, repeated by every shard).
     */
    public SpecValidation gradingOnly(Predicate<String> gradedTasks) {
        return new SpecValidation(rewardChecks, environments, refuseUnscorable, gradedTasks);
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
        if (!graded.test(task.id())) {
            return ReferenceAnswers.firstReading(task);
        }
        String type = String.valueOf(reward.get("type"));
        ReferenceAnswers.Reference reference;
        try {
            reference = ReferenceAnswers.reference(task, check); // a judge is not called: a model call per task
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading the reference of task '" + task.id() + "'", e);
        } catch (RuntimeException groundTruthBug) {
            return unscorable(ReferenceAnswers.firstReading(task), "answer", "its own reward check (" + type
                    + ") cannot grade it, so no reply can ever score: " + describe(groundTruthBug));
        }
        String reply = reference.reply();
        if (reference.verdict().isEmpty() || reference.verdict().get().passed()) {
            return reply;
        }
        RewardResult result = reference.verdict().get();
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

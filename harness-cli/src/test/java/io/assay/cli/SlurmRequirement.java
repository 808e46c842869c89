package io.assay.cli;

import io.assay.testkit.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that submit jobs to a real Slurm: skips them, saying why, when {@code sbatch} is not on
 * the PATH or no node is idle or allocated, and fails them instead when {@code ASSAY_REQUIRE_SLURM=1}
 * (set by {@code .ci/run}, after {@code scripts/start-slurm.sh}), so CI proves the Slurm tests ran.
 *
 * <pre>{@code
 * @ExtendWith(SlurmRequirement.class)
 * class TestSlurmExecutor { ... }
 * }</pre>
 */
final class SlurmRequirement implements ExecutionCondition {
    private static final Requirement SLURM = new Requirement("ASSAY_REQUIRE_SLURM");

    private static String problem;
    private static boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return SLURM.skipReason(problem(), SLURM.required()).map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("Slurm answers and has a node to run on"));
    }

    private static synchronized String problem() {
        if (!checked) {
            problem = findProblem();
            checked = true;
        }
        return problem;
    }

    private static String findProblem() {
        try {
            Process sinfo = new ProcessBuilder("sinfo", "--noheader", "--format=%t").redirectErrorStream(true).start();
            String states = new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!sinfo.waitFor(30, TimeUnit.SECONDS) || sinfo.exitValue() != 0) {
                return "Slurm does not answer (sinfo: " + states + "): run scripts/start-slurm.sh";
            }
            if (!states.lines().anyMatch(state -> state.startsWith("idle") || state.startsWith("alloc") || state.startsWith("mix"))) {
                return "no Slurm node can run jobs (sinfo says: " + states.replace('\n', ' ') + "): run scripts/start-slurm.sh";
            }
            return null;
        } catch (IOException e) {
            return "Slurm is not installed (no sinfo on the PATH): run scripts/start-slurm.sh";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking sinfo";
        }
    }
}

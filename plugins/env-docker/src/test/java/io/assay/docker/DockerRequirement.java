package io.assay.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import io.assay.spi.EnvironmentException;
import io.assay.testkit.Requirement;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that run real containers: skips them, saying why, when Docker or the base
 * image is missing, and fails them instead when {@code ASSAY_REQUIRE_DOCKER=1}, so CI proves that
 * the container tests ran. Docker is reached as the product reaches it ({@link DockerEngine}), with
 * no settings made for the tests.
 *
 * <pre>{@code
 * @ExtendWith(DockerRequirement.class)
 * class TestIsolationProbe { ... }   // or on single test methods
 * }</pre>
 */
public final class DockerRequirement implements ExecutionCondition {
    /** The image every test Dockerfile starts from; nothing can be pulled, so it is built locally. */
    public static final String BASE_IMAGE = "assay/busybox:latest";
    private static final Requirement DOCKER = new Requirement("ASSAY_REQUIRE_DOCKER");

    private static String problem;
    private static boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(problem(), DOCKER.required());
    }

    /**
     * Runs the tests when nothing is {@code missing}; else skips them, or fails them when Docker is
     * {@code required}.
     */
    static ConditionEvaluationResult decide(String missing, boolean required) {
        return DOCKER.skipReason(missing, required).map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("Docker and " + BASE_IMAGE + " are available"));
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
            DockerEngine.client().inspectImageCmd(BASE_IMAGE).exec();
            return null;
        } catch (EnvironmentException e) {
            return e.getMessage();
        } catch (NotFoundException e) {
            return "the base image " + BASE_IMAGE + " is missing: run scripts/build-base-images.sh";
        }
    }
}

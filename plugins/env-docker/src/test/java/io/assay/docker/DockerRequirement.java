package io.assay.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * For test classes that run real containers: skips them, saying why, when Docker or the base
 * image is missing, and fails them instead when {@code ASSAY_REQUIRE_DOCKER=1}, so CI proves that
 * the container tests ran.
 *
 * <pre>{@code
 * @ExtendWith(DockerRequirement.class)
 * class TestIsolationProbe { ... }   // or on single test methods
 * }</pre>
 */
public final class DockerRequirement implements ExecutionCondition {
    /** The image every test Dockerfile starts from; nothing can be pulled, so it is built locally. */
    public static final String BASE_IMAGE = "assay/busybox:latest";

    private static String problem;
    private static boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = problem();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Docker and " + BASE_IMAGE + " are available");
        }
        if ("1".equals(System.getenv("ASSAY_REQUIRE_DOCKER"))) {
            throw new IllegalStateException(missing + " (ASSAY_REQUIRE_DOCKER=1: failing instead of skipping)");
        }
        return ConditionEvaluationResult.disabled("skipped: " + missing);
    }

    private static synchronized String problem() {
        if (!checked) {
            problem = findProblem();
            checked = true;
        }
        return problem;
    }

    private static String findProblem() {
        DockerClientFactory docker = DockerClientFactory.instance();
        if (!docker.isDockerAvailable()) {
            return "Docker is unreachable (DOCKER_HOST / /var/run/docker.sock; with Debian's engine set"
                    + " api.version in ~/.docker-java.properties, TESTCONTAINERS_HOST_OVERRIDE=localhost and"
                    + " TESTCONTAINERS_RYUK_DISABLED=true, as .ci/run does)";
        }
        try {
            docker.client().inspectImageCmd(BASE_IMAGE).exec();
            return null;
        } catch (NotFoundException e) {
            return "the base image " + BASE_IMAGE + " is missing: run scripts/build-base-images.sh";
        }
    }
}

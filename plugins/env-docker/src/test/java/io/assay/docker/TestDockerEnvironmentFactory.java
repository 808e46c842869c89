package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker environment's options, checked before Docker is even asked for, by {@code create}
 * and by {@code validate}, which never asks for it (TestDockerAsInstalled in harness-cli proves
 * that with a Docker socket that is never answered); and, with Docker, what an option changes.
 */
class TestDockerEnvironmentFactory {
    private final DockerEnvironmentFactory factory = new DockerEnvironmentFactory();

    @TempDir
    Path suite;

    @Test
    void rejectsUnknownOptions() {
        bothReject(new Options("environment", Map.of("type", "docker", "suite_dir", suite.toString(), "warmpool", 1)),
                failure -> failure.hasMessageStartingWith("environment.warmpool: unknown field"));
    }

    @Test
    void requiresAnExistingSuiteDirectory() {
        bothReject(Options.of(Map.of("type", "docker")),
                failure -> failure.hasMessage("suite_dir: required string is missing"));
        bothReject(Options.of(Map.of("type", "docker", "suite_dir", suite.resolve("nowhere").toString())),
                failure -> failure.hasMessageContaining("suite_dir: expected the Harbor suite directory")
                        .hasMessageContaining("does not exist"));
    }

    @Test
    void requiresAWarmPoolOfZeroOrMore() {
        bothReject(HarborTaskDir.environment(suite, -1),
                failure -> failure.hasMessage("warm_pool: expected a whole number of containers, 0 or more, got -1"));
    }

    @Test
    void requiresAllowInternetToBeABoolean() {
        bothReject(withAllowInternet("yes"),
                failure -> failure.hasMessage("allow_internet: expected true or false, got the string \"yes\""));
    }

    @Test
    void validatesGoodOptions() {
        assertThatCode(() -> factory.validate(HarborTaskDir.environment(suite, 0))).doesNotThrowAnyException();
        assertThatCode(() -> factory.validate(withAllowInternet(true))).doesNotThrowAnyException();
    }

    /** {@code assay run --allow-internet} arrives as this option, over a task.toml that does not allow it. */
    @Test
    @ExtendWith(DockerRequirement.class)
    void allowInternetRunsEveryTaskOnTheBridgeNetwork() throws Exception {
        Task offline = HarborTaskDir.in(suite, "offline").write();
        try (DockerEnvironment environment = (DockerEnvironment) factory.create(withAllowInternet(true));
             ContainerSession session = environment.start(offline, 0)) {
            assertThat(ContainerChecks.docker().inspectContainerCmd(session.containerId()).exec()
                    .getHostConfig().getNetworkMode()).isEqualTo("bridge");
        }
    }

    private Options withAllowInternet(Object value) {
        Map<String, Object> spec = new HashMap<>(HarborTaskDir.environment(suite, 0).values());
        spec.put("allow_internet", value);
        return Options.of(spec);
    }

    private void bothReject(Options options,
                            Consumer<AbstractThrowableAssert<?, ? extends Throwable>> expected) {
        expected.accept(assertThatThrownBy(() -> factory.create(options)).isInstanceOf(InvalidOptionException.class));
        expected.accept(assertThatThrownBy(() -> factory.validate(options)).isInstanceOf(InvalidOptionException.class));
    }
}

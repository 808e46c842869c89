package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker environment's options, checked before Docker is even asked for. */
class TestDockerEnvironmentFactory {
    private final DockerEnvironmentFactory factory = new DockerEnvironmentFactory();

    @TempDir
    Path suite;

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> factory.create(new Options("environment",
                Map.of("type", "docker", "suite_dir", suite.toString(), "warmpool", 1))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("environment.warmpool: unknown field");
    }

    @Test
    void requiresAnExistingSuiteDirectory() {
        assertThatThrownBy(() -> factory.create(Options.of(Map.of("type", "docker"))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("suite_dir: required string is missing");
        assertThatThrownBy(() -> factory.create(Options.of(Map.of("type", "docker",
                "suite_dir", suite.resolve("nowhere").toString()))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("suite_dir: expected the Harbor suite directory")
                .hasMessageContaining("does not exist");
    }

    @Test
    void requiresAWarmPoolOfZeroOrMore() {
        assertThatThrownBy(() -> factory.create(HarborTaskDir.environment(suite, -1)))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("warm_pool: expected a whole number of containers, 0 or more, got -1");
    }
}

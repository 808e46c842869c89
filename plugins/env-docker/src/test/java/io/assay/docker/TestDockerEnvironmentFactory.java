package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker environment's options, checked before Docker is even asked for, by {@code create}
 * and by {@code validate}, which never asks for it (TestDockerAsInstalled in harness-cli proves
 * that with a Docker socket that is never answered).
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
    void validatesGoodOptions() {
        assertThatCode(() -> factory.validate(HarborTaskDir.environment(suite, 0))).doesNotThrowAnyException();
    }

    private void bothReject(Options options,
                            Consumer<AbstractThrowableAssert<?, ? extends Throwable>> expected) {
        expected.accept(assertThatThrownBy(() -> factory.create(options)).isInstanceOf(InvalidOptionException.class));
        expected.accept(assertThatThrownBy(() -> factory.validate(options)).isInstanceOf(InvalidOptionException.class));
    }
}

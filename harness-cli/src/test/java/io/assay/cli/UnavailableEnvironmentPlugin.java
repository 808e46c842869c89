package io.assay.cli;

import io.assay.spi.AssayPlugin;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.Options;
import io.assay.spi.RunInfo;
import java.util.List;

/**
 * For the command's tests, found on the test class path as any plugin is:
 * {@code environment: {type: unavailable}} validates, but a run's environment never starts, as a
 * sandbox suite's does not on a machine without Docker. Its {@code reason} option, if given, is
 * the reason it says, so a test sees which options reached it.
 */
public final class UnavailableEnvironmentPlugin implements AssayPlugin {
    static final String MESSAGE = "Docker is needed for this suite and none is reachable";

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new EnvironmentFactory() {
            @Override
            public String name() {
                return "unavailable";
            }

            @Override
            public String description() {
                return "for tests: an environment that never starts";
            }

            @Override
            public Environment create(Options options) {
                options.allowOnly("type", "reason");
                return (task, seed) -> () -> { };
            }

            @Override
            public Environment create(Options options, RunInfo run) {
                throw new EnvironmentException(options.string("reason", MESSAGE));
            }
        });
    }
}

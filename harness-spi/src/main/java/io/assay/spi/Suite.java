package io.assay.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded benchmark suite: its claims, its defaults and its tasks.
 *
 * <pre>{@code
 * Suite suite = loader.load(Path.of("examples/arithmetic"), context);
 * suite.tasks().forEach(task -> System.out.println(task.id()));
 * }</pre>
 *
 * @param id stable identifier, {@code [a-z0-9][a-z0-9-]*}
 * @param version the suite author's version string, may be empty
 * @param description one paragraph for people
 * @param measures the capability a score on this suite claims to measure (ABC R.5)
 * @param canary a contamination marker string, or {@code null} (ABC R.3)
 * @param environment the environment spec, {@code {type: none}} by default
 * @param reward the default reward spec for every task
 * @param tasks the tasks, in file order
 * @param directory where the suite was loaded from
 * @param contentHash {@code sha256:...} over every file that defines the suite, for the run manifest
 */
public record Suite(String id, String version, String description, String measures, String canary,
                    Options environment, Options reward, List<Task> tasks, Path directory,
                    String contentHash) {

    public Suite {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        description = description == null ? "" : description;
        measures = measures == null ? "" : measures;
        tasks = List.copyOf(tasks);
    }

    /** The reward spec that grades {@code task}: its own override, else the suite default. */
    public Options rewardFor(Task task) {
        return task.reward() != null ? task.reward() : reward;
    }
}

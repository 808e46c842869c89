package io.assay.testkit;

import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Suite} in memory, for a probe, check or agent under test that reads a suite
 * without loading one from a directory. What is not named is what a suite file that leaves it
 * out gives: no environment ({@code {type: none}}), no version, description, claim or canary,
 * no directory and an empty content hash.
 * There is no default reward spec: give one, or one per task.
 *
 * <pre>{@code
 * Suite suite = SuiteBuilder.suite("capitals")
 *         .reward(Specs.reward("exact"))
 *         .task(TaskBuilder.task("fr").prompt("Capital of France?").answer("Paris").build())
 *         .task(TaskBuilder.task("pe").prompt("Capital of Peru?").answer("Lima").build())
 *         .build();
 * }</pre>
 */
public final class SuiteBuilder {
    private final String id;
    private String version = "";
    private String description = "";
    private String measures = "";
    private String canary;
    private Options environment = Specs.environment("none");
    private Options reward;
    private final List<Task> tasks = new ArrayList<>();
    private Path directory;

    private SuiteBuilder(String id) {
        this.id = id;
    }

    /** A suite with this id, {@code [a-z0-9][a-z0-9-]*}. */
    public static SuiteBuilder suite(String id) {
        return new SuiteBuilder(id);
    }

    public SuiteBuilder version(String value) {
        this.version = value;
        return this;
    }

    public SuiteBuilder description(String value) {
        this.description = value;
        return this;
    }

    /** The capability a score claims to measure. */
    public SuiteBuilder measures(String value) {
        this.measures = value;
        return this;
    }

    /** The contamination marker, such as {@code assay-canary:my-suite}. */
    public SuiteBuilder canary(String value) {
        this.canary = value;
        return this;
    }

    /** The environment spec, such as {@code Specs.environment("docker", "suite_dir", dir.toString())}. */
    public SuiteBuilder environment(Options spec) {
        this.environment = spec;
        return this;
    }

    /** The reward spec that grades every task without one of its own. */
    public SuiteBuilder reward(Options spec) {
        this.reward = spec;
        return this;
    }

    /** Adds tasks, in order. */
    public SuiteBuilder task(Task... more) {
        return tasks(List.of(more));
    }

    /** Adds tasks, in order. */
    public SuiteBuilder tasks(List<Task> more) {
        tasks.addAll(more);
        return this;
    }

    /** Where the suite's files are, for components that read them (a sandbox's task folders). */
    public SuiteBuilder directory(Path value) {
        this.directory = value;
        return this;
    }

    public Suite build() {
        return new Suite(id, version, description, measures, canary, environment, reward, tasks, directory, "");
    }
}

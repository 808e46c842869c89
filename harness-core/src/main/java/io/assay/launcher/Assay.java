package io.assay.launcher;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.audit.Auditor;
import io.assay.core.baseline.ReferenceAnswers;
import io.assay.core.plugin.BundledPlugins;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.RegisteredComponent;
import io.assay.core.run.Rescorer;
import io.assay.core.run.Runner;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Sweeper;
import io.assay.spi.Task;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine, with its plugins loaded: what a front end such as the {@code assay} command calls to
 * run, resume, rescore and audit suites, load them, list the loaded components and clean up after
 * killed runs. Everything a caller reads back is in this package; a run directory's report needs no
 * engine ({@link RunReport#of}).
 *
 * <pre>{@code
 * Assay assay = Assay.open(List.of(Path.of("plugins")));
 * PreparedRun run = assay.start(RunSettings.builder(Path.of("examples/arithmetic"), "oracle").build());
 * RunResult result = run.execute(ProgressListener.NONE);
 * System.out.println(result.summary().score().mean());
 * }</pre>
 */
public final class Assay {
    private final Runner runner;
    private final Rescorer rescorer;
    private final Auditor auditor;
    private final SuiteRepository suites;
    private final ComponentRegistry registry;

    @Inject
    Assay(Runner runner, Rescorer rescorer, Auditor auditor, SuiteRepository suites, ComponentRegistry registry) {
        this.runner = runner;
        this.rescorer = rescorer;
        this.auditor = auditor;
        this.suites = suites;
        this.registry = registry;
    }

    /**
     * The engine with the built-in plugins and those in {@code pluginDirectories}.
     *
     * @throws InputException when a plugin directory or jar is unusable, or two plugins register one name
     */
    public static Assay open(List<Path> pluginDirectories) {
        return Guice.createInjector(Stage.PRODUCTION, new HarnessModule(pluginDirectories)).getInstance(Assay.class);
    }

    /**
     * The plugins a distribution ships with: the {@code plugins} folder beside the jar (or classes
     * folder) {@code type} was loaded from, such as {@code assay.jar}; empty when there is none. It is
     * a plugin directory like any other, to pass to {@link #open}.
     *
     * <pre>{@code
     * Assay assay = Assay.open(Assay.bundledPluginsBeside(MyFrontEnd.class));
     * }</pre>
     */
    public static List<Path> bundledPluginsBeside(Class<?> type) {
        return BundledPlugins.besideCodeOf(type).stream().toList();
    }

    /**
     * The version of the Assay running now, as its manifests record it ({@code harness_version}):
     * the jar's version, or {@code dev} when it runs from a build tree.
     *
     * <pre>{@code
     * String version = Assay.version(); // "0.1.0"
     * }</pre>
     */
    public static String version() {
        return Manifest.runningVersion();
    }

    /**
     * Prepares a new run: loads and checks the suite, creates the agent, lays out the run directory.
     * Everything that can be wrong with the input fails here, before the first trial starts.
     *
     * @throws InputException naming what is wrong
     * @throws InvalidSuiteException with every problem of an invalid suite
     */
    public PreparedRun start(RunSettings settings) {
        return new PreparedRun(runner.start(settings));
    }

    /**
     * Prepares to continue an interrupted, crashed, budget-stopped, aborted or failed run with the
     * settings it was started with; trials already recorded are not run again.
     *
     * @param concurrency the new concurrency, or {@code null} to keep it
     * @param maxCostUsd the new budget, or {@code null} to keep it
     * @param maxErrors the new error limit, or {@code null} to keep it
     */
    public PreparedRun resume(Path runDirectory, Integer concurrency, BigDecimal maxCostUsd, MaxErrors maxErrors) {
        return new PreparedRun(runner.resume(runDirectory, concurrency, maxCostUsd, maxErrors));
    }

    /**
     * Grades a run's recorded outputs again with the suite's current checks, into a new run
     * directory, without running the agent. The suite loads as the run's did (its split, its
     * environment options).
     *
     * <pre>{@code
     * assay.rescore(run, null, Map.of("judge", Options.of(Map.of("model", "openai/gpt-4o"))), List.of());
     * }</pre>
     *
     * @param out the new run directory, or {@code null} for {@code RUN-rescored} beside the run
     * @param checkDefaults reward-check defaults to grade with instead of the run's
     *     ({@link RunSettings#checkDefaults}), or {@code null} to keep the run's
     * @param arguments the command line, for the new manifest
     */
    public RescoreResult rescore(Path runDirectory, Path out, Map<String, Options> checkDefaults, List<String> arguments)
            throws Exception {
        return rescorer.rescore(runDirectory, out, checkDefaults, arguments);
    }

    /**
     * Audits the suite in {@code directory}.
     *
     * @param progress told the name of each probe that applies to the suite, as it starts
     */
    public AuditResult audit(Path directory, AuditSettings settings, Consumer<String> progress) throws Exception {
        return new AuditResult(auditor.audit(directory, settings, progress));
    }

    /**
     * Loads and checks the suite in {@code directory}, as a run would, running nothing.
     *
     * @param split the benchmark's split to load ({@code --split}), or {@code null} for its default tasks
     * @throws InvalidSuiteException with every problem, when the suite is recognised but invalid
     * @throws InputException when the directory is missing, no loader recognises it, a file cannot be
     *     read, or a split is given for a suite that has none
     */
    public Suite loadSuite(Path directory, String split) {
        return suites.load(directory, Optional.ofNullable(split));
    }

    /**
     * The answers a correct agent could give to {@code task}, as the audit's probes read its
     * reference: each scalar of its answer (a list stands for its alternatives), then its
     * solution as the oracle answers it. {@code "Paris"} for {@code answer: Paris}.
     */
    public static List<String> referenceAnswers(Task task) {
        return ReferenceAnswers.candidates(task);
    }

    /** Every component of the loaded plugins, built-ins first, in discovery order. */
    public List<InstalledComponent> components() {
        return registry.all().stream().map(Assay::installed).toList();
    }

    /**
     * Calls every plugin's {@link Sweeper}, removing what killed runs left behind ({@code assay gc}).
     *
     * @return how many things they removed in all
     */
    public int sweep() throws Exception {
        int removed = 0;
        for (Sweeper sweeper : registry.sweepers()) {
            removed += sweeper.sweep();
        }
        return removed;
    }

    private static InstalledComponent installed(RegisteredComponent c) {
        return new InstalledComponent(c.kind().label(), c.name(), c.version(), c.source(), c.plugin(),
                c.component().description());
    }
}

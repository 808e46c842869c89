package io.assay.tau;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.run.RunDirectory;
import io.assay.core.run.Runner;
import io.assay.core.suite.SuiteRepository;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.spi.Suite;
import io.assay.spi.TrialRecord;
import io.assay.testkit.Benchmarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four published domain folders, run and audited as {@code assay} does: the real engine with
 * this plugin, the built-in agents and checks and the judge, found on the test class path.
 */
final class PublishedBenchmarks {
    /** The folders issue 13 names, as published in ../shared/benchmarks. */
    static final List<String> FOLDERS = List.of("tau-bench/tau1/airline", "tau-bench/tau1/retail",
            "tau-bench/tau2/airline", "tau-bench/tau2/retail");
    private static final Injector ENGINE = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));
    private static final Map<String, List<TrialRecord>> RUNS = new ConcurrentHashMap<>();

    private PublishedBenchmarks() {
    }

    static Path folder(String name) {
        return Benchmarks.folder(name);
    }

    static Suite load(String name) throws Exception {
        return ENGINE.getInstance(SuiteRepository.class).load(folder(name));
    }

    /** The trials of {@code agent} run once on every task of {@code name}, run once per test run and shared. */
    static List<TrialRecord> trials(String name, String agent) {
        return RUNS.computeIfAbsent(name + " " + agent, key -> {
            try {
                return run(name, agent, Files.createTempDirectory("assay-tau-").resolve("run"));
            } catch (Exception e) {
                throw new IllegalStateException("run of " + agent + " on " + name + " failed", e);
            }
        });
    }

    /** Runs {@code agent} once on every task and returns the trial records. */
    private static List<TrialRecord> run(String name, String agent, Path out) throws Exception {
        return run(RunSettings.builder(folder(name), agent).concurrency(2).timeout(Duration.ofMinutes(1)).out(out));
    }

    /** Runs as {@code settings} say and returns the trial records. */
    static List<TrialRecord> run(RunSettings.Builder settings) throws Exception {
        RunResult result = ENGINE.getInstance(Runner.class).start(settings.build()).execute(ProgressListener.NONE);
        List<TrialRecord> trials = new ArrayList<>();
        RunDirectory.open(result.directory()).forEachTrial(trial -> trials.add(trial.record()));
        return trials;
    }
}

package io.assay.bench;

import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Harness overhead per trial: a whole 100,000-trial run (the {@code null} agent, the
 * {@code exact} check, trials.jsonl flushed per trial, summary.json at the end), divided by the
 * number of trials. Each measured invocation is one complete run, so the median of invocations
 * is the median per-trial cost over 100,000 trials.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class TrialOverheadBenchmark {
    private static final int TRIALS = 100_000;

    @Param({"8"})
    int concurrency;

    private Path workspace;
    private Path suite;
    private Assay assay;
    private int runs;

    @Setup(Level.Trial)
    public void writeSuite() throws IOException {
        workspace = Files.createTempDirectory("assay-bench");
        suite = BenchmarkSuites.write(workspace.resolve("suite"), TRIALS);
        assay = BenchmarkHarness.open();
    }

    @TearDown(Level.Trial)
    public void deleteWorkspace() throws IOException {
        BenchmarkSuites.delete(workspace);
    }

    @Benchmark
    @OperationsPerInvocation(TRIALS)
    public Object runNullAgentWithExactCheck() throws Exception {
        RunSettings settings = RunSettings.builder(suite, "null").concurrency(concurrency).timeout(Duration.ofSeconds(60))
                .out(workspace.resolve("run-" + runs++)).build();
        return assay.start(settings).execute(ProgressListener.NONE).summary();
    }
}

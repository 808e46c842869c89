package io.assay.bench;

import io.assay.core.run.ProgressListener;
import io.assay.core.run.RunRequest;
import io.assay.core.run.Runner;
import io.assay.spi.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private Runner runner;
    private int runs;

    @Setup(Level.Trial)
    public void writeSuite() throws IOException {
        workspace = Files.createTempDirectory("assay-bench");
        suite = BenchmarkSuites.write(workspace.resolve("suite"), TRIALS);
        runner = BenchmarkHarness.runner();
    }

    @TearDown(Level.Trial)
    public void deleteWorkspace() throws IOException {
        BenchmarkSuites.delete(workspace);
    }

    @Benchmark
    @OperationsPerInvocation(TRIALS)
    public Object runNullAgentWithExactCheck() throws Exception {
        RunRequest request = new RunRequest(suite, "null", Options.empty(), 1, concurrency, Duration.ofSeconds(60),
                0, 0, workspace.resolve("run-" + runs++), List.of(), false, List.of(), null);
        return runner.start(request).execute(ProgressListener.NONE).summary();
    }
}

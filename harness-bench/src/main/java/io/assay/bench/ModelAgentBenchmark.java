package io.assay.bench;

import io.assay.launcher.Assay;
import io.assay.launcher.PreparedRun;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model-agent target of issue 6: one whole run of 2,000 {@code chat} trials at concurrency 500
 * against an OpenAI-compatible fake that answers after 200 ms, in a JVM that has already run a
 * few such runs (the steady state of a long evaluation; {@code scripts/bench-macro.sh} measures
 * the cold command too). Measured: the trial phase, suite loading excluded. Ideal:
 * 2000 / 500 x 0.2 s = 0.8 s per invocation; target: 1.0 s. The fake ({@link FakeModelEndpoint})
 * runs in its own process, as a model server would.
 *
 * <pre>
 * ASSAY_BENCH_KEY=unused java -jar harness-bench/target/benchmarks.jar ModelAgentBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 10)
@Fork(1)
public class ModelAgentBenchmark {
    private static final int TRIALS = 2_000;
    private static final int CONCURRENCY = 500;
    private static final long LATENCY_MS = 200;
    /** The chat agent reads its key from the environment; the fake ignores it. */
    private static final String KEY_VARIABLE = "ASSAY_BENCH_KEY";

    private Path workspace;
    private Path suite;
    private Assay assay;
    private Process fake;
    private String baseUrl;
    private int runs;
    private PreparedRun run;

    @Setup(Level.Trial)
    public void startFakeAndWriteSuite() throws IOException, InterruptedException {
        if (System.getenv(KEY_VARIABLE) == null) {
            throw new IllegalStateException("set " + KEY_VARIABLE + " to any value: the chat agent reads its key from it");
        }
        workspace = Files.createTempDirectory("assay-bench-model");
        suite = BenchmarkSuites.write(workspace.resolve("suite"), TRIALS, "numeric");
        Path urlFile = workspace.resolve("url");
        fake = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), FakeModelEndpoint.class.getName(),
                Long.toString(LATENCY_MS), urlFile.toString())
                .inheritIO().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(urlFile)) {
            if (!fake.isAlive()) {
                throw new IllegalStateException("the fake endpoint exited with code " + fake.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fake endpoint did not write " + urlFile + " within 30 s");
            }
            Thread.sleep(20);
        }
        baseUrl = Files.readString(urlFile);
        assay = BenchmarkHarness.open();
    }

    @TearDown(Level.Trial)
    public void stopFakeAndDeleteWorkspace() throws IOException {
        fake.destroy();
        BenchmarkSuites.delete(workspace);
    }

    /** Loads the suite and creates the run directory, outside the measured time, as the manifest's trial phase does. */
    @Setup(Level.Invocation)
    public void prepareRun() {
        Options agent = Options.of(Map.of("model", "openai/bench", "base_url", baseUrl, "api_key_env", KEY_VARIABLE));
        run = assay.start(RunSettings.builder(suite, "chat").agentOptions(agent).concurrency(CONCURRENCY)
                .timeout(Duration.ofSeconds(60)).out(workspace.resolve("run-" + runs++)).build());
    }

    @Benchmark
    public RunResult runChatAgentAgainstFake() throws Exception {
        RunResult result = run.execute(ProgressListener.NONE);
        if (result.summary().trials() != TRIALS || result.summary().errors() != 0) {
            throw new IllegalStateException("the run did not complete every trial cleanly: " + result.summary());
        }
        return result;
    }
}

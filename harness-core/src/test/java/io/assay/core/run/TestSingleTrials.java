package io.assay.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.environment.Environments;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.reward.RewardChecks;
import io.assay.core.suite.SuiteRepository;
import io.assay.core.testing.SuiteFiles;
import io.assay.core.testing.TestingPlugin;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's trials: a named agent's trial of a task and epoch is one trial, whichever probes ask for it. */
class TestSingleTrials {
    private static final Injector INJECTOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));

    @TempDir
    Path directory;
    private Suite suite;

    @BeforeEach
    void suite() {
        suite = INJECTOR.getInstance(SuiteRepository.class).loadForAudit(SuiteFiles.write(directory.resolve("suite"),
                "shared", 2, "{type: equals}"));
        TestingPlugin.COUNTED.clear();
    }

    private SingleTrials trials() {
        return new SingleTrials(suite, INJECTOR.getInstance(ComponentRegistry.class), INJECTOR.getInstance(RewardChecks.class),
                INJECTOR.getInstance(Environments.class), Duration.ofSeconds(30), 4);
    }

    private int calls(Task task, int epoch) {
        AtomicInteger calls = TestingPlugin.COUNTED.get(task.id() + "#" + epoch);
        return calls == null ? 0 : calls.get();
    }

    @Test
    void probesAskingForTheSameTrialShareOne() throws Exception {
        Task task = suite.tasks().getFirst();
        try (SingleTrials trials = trials()) {
            CompletableFuture<TrialRecord> first = CompletableFuture.supplyAsync(() -> trial(trials, task, 0));
            CompletableFuture<TrialRecord> second = CompletableFuture.supplyAsync(() -> trial(trials, task, 0));
            TrialRecord again = trials.run("counted", task, 0);

            assertThat(first.get()).isSameAs(second.get()).isSameAs(again);
            assertThat(again.passed()).isTrue();
            assertThat(calls(task, 0)).isEqualTo(1);
            // Another epoch is another trial.
            trials.run("counted", task, 1);
            assertThat(calls(task, 1)).isEqualTo(1);
        }
    }

    @Test
    void aTrialWhoseProbeWasInterruptedIsRunByTheNextProbeThatAsks() throws Exception {
        Task task = suite.tasks().getFirst();
        try (SingleTrials trials = trials()) {
            Thread interrupted = Thread.ofPlatform().start(() -> trial(trials, task, 0));
            while (calls(task, 0) == 0) {
                Thread.sleep(5);
            }
            CompletableFuture<TrialRecord> waiting = CompletableFuture.supplyAsync(() -> trial(trials, task, 0));
            Thread.sleep(50); // the second probe is now waiting for the first's trial
            interrupted.interrupt();
            interrupted.join();

            assertThat(waiting.get().passed()).isTrue();
            assertThat(calls(task, 0)).isEqualTo(2);
        }
    }

    private static TrialRecord trial(SingleTrials trials, Task task, int epoch) {
        try {
            return trials.run("counted", task, epoch);
        } catch (InterruptedException e) {
            return null;
        }
    }
}

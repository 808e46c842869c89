package io.assay.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task of a run submitted before it was prepared waits for the submitting command's word. */
class TestPreparation {
    @TempDir
    Path run;

    private final StringWriter printed = new StringWriter();
    private final PrintWriter err = new PrintWriter(printed);

    @Test
    void aRunTheSlurmExecutorIsNotSubmittingIsNotWaitedFor() throws Exception {
        Preparation.await(run, err, Duration.ofMinutes(1));

        assertThat(printed.toString()).isEmpty();
    }

    @Test
    void aPreparedRunIsNotWaitedFor() throws Exception {
        Preparation.markPrepared(run);
        Preparation.markPrepared(run); // a second submission marks it again

        Preparation.await(run, err, Duration.ofMinutes(1));

        assertThat(printed.toString()).isEmpty();
    }

    @Test
    void aTaskWaitsUntilTheSubmittingCommandHasPreparedTheRun() throws Exception {
        Files.createDirectories(run.resolve("slurm")); // submitted, not prepared yet

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                Preparation.await(run, err, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(waiting).as("still waiting while the run is not prepared").isNotDone();
        Preparation.markPrepared(run);

        waiting.get(30, TimeUnit.SECONDS);
        assertThat(printed.toString()).isEqualTo("Waiting for the submitting command to prepare " + run + "..." + System.lineSeparator());
    }

    @Test
    void aRunNeverPreparedEndsTheWaitWithOneClearError() throws Exception {
        Files.createDirectories(run.resolve("slurm"));

        assertThatThrownBy(() -> Preparation.await(run, err, Duration.ofMillis(300))).isInstanceOf(InputException.class)
                .hasMessage(run + " was not prepared within 300 ms of this task's start: the command that submitted it ended before preparing it, or is still loading the suite");
    }
}

package io.assay.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The submitting command's wait: woken by a file landing in the run directory, else by the time. */
class TestNewFiles {
    @TempDir
    Path run;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a wait of ten minutes would fail it: the file must end the wait
    void aFileMovedIntoTheFolderEndsTheWait() throws Exception {
        try (NewFiles files = NewFiles.in(run)) {
            CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> {
                try {
                    files.await(Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Path temporary = Files.writeString(run.resolve("manifest.json.tmp"), "{}");
            Files.move(temporary, run.resolve("manifest.json"));

            waited.get();
            assertThat(waited).isCompleted();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withoutANewFileTheWaitEndsAfterTheTimeGiven() throws Exception {
        try (NewFiles files = NewFiles.in(run)) {
            Files.writeString(run.resolve("before"), "");
            files.await(Duration.ofMinutes(1)); // the file written before: woken by it
            long start = System.nanoTime();
            files.await(Duration.ofMillis(200));
            assertThat(System.nanoTime() - start).as("waited the time, nothing having appeared").isGreaterThanOrEqualTo(150_000_000L);
        }
    }
}

package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.PreparedRun;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import io.assay.view.ViewServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's page while the run is going: it shows the run as live and updates its progress in place,
 * without the page reloading, until the run completes.
 */
class TestLive {
    private static final int TASKS = 80;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TempDir
    Path work;

    @Test
    void theRunPageFollowsARunningRunInPlaceUntilItCompletes() throws Exception {
        Path suite = work.resolve("suites/slow");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: slow\nversion: \"1.0.0\"\nreward: {type: exact}\n");
        List<String> tasks = new ArrayList<>();
        for (int i = 1; i <= TASKS; i++) {
            tasks.add("{\"id\": \"" + i + "\", \"prompt\": \"Say " + i + "\", \"answer\": \"" + i + "\"}");
        }
        Files.write(suite.resolve("tasks.jsonl"), tasks);
        // About 6 s: two trials at a time, 150 ms each; long enough for the page to poll a few times.
        Path directory = Fixtures.served(work).resolve("slow-sleep");
        PreparedRun run = Fixtures.engine().start(RunSettings.builder(suite, "sleep")
                .agentOptions(Options.of(Map.of("ms", 150))).concurrency(2).out(directory).build());
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute(ProgressListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (ViewServer viewer = ViewServer.start(List.of(Fixtures.served(work)), "127.0.0.1", 0)) {
            CHROMIUM.waitFor("the first trials", d -> Files.exists(directory.resolve("trials.jsonl")));
            CHROMIUM.open(viewer.uri() + "#/run/" + Api.runId(viewer.uri(), directory));
            CHROMIUM.waitForPage("run");
            CHROMIUM.script("window.sameDocument = true");

            assertThat(CHROMIUM.find("#live").isDisplayed()).isTrue();
            Set<String> seen = new LinkedHashSet<>();
            CHROMIUM.waitFor("the run to complete", d -> {
                seen.add(CHROMIUM.text("#progress"));
                return CHROMIUM.text("#status").contains("completed");
            });

            assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo("completed");
            assertThat(seen).as("progress seen while running").hasSizeGreaterThanOrEqualTo(2);
            assertThat(CHROMIUM.script("return window.sameDocument === true")).as("never reloaded").isEqualTo(true);
            assertThat(CHROMIUM.text("#progress")).contains(TASKS + " / " + TASKS);
            assertThat(CHROMIUM.findAll("#live")).as("the live badge once completed").noneMatch(badge -> badge.isDisplayed());
        } finally {
            run.stop();
            running.join();
        }
    }
}

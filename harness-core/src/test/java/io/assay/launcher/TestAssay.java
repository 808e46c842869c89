package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.PluginLoader;
import io.assay.core.plugin.RegisteredComponent;
import io.assay.core.testing.FakeComponents;
import io.assay.core.testing.SuiteFiles;
import io.assay.core.testing.TestEngine;
import io.assay.spi.ResultSink;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine as a front end sees it: everything through {@link Assay}, with the seams a test may replace. */
class TestAssay {
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @TempDir
    Path temp;

    @Test
    void aRunThroughTheFacadeReportsWhatItsDirectoryHolds() throws Exception {
        Assay assay = Assay.open(List.of());
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: equals}");

        PreparedRun run = assay.start(RunSettings.builder(suite, "answer").epochs(2).out(temp.resolve("run")).build());
        RunResult result = run.execute(ProgressListener.NONE);
        RunReport report = RunReport.of(run.directory());

        assertThat(result.status()).isEqualTo(Manifest.COMPLETED);
        assertThat(report.manifest().status()).isEqualTo(Manifest.COMPLETED);
        assertThat(report.summary().trials()).isEqualTo(6);
        assertThat(Json.MAPPER.readTree(report.summaryJson()))
                .isEqualTo(Json.MAPPER.readTree(Files.readString(run.directory().resolve("summary.json"))));
    }

    @Test
    void theManifestsTimesComeFromTheBoundClock() throws Exception {
        Assay assay = TestEngine.injector(binder -> binder.bind(Clock.class).toInstance(Clock.fixed(NOW, ZoneOffset.UTC)))
                .getInstance(Assay.class);
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");
        PreparedRun run = assay.start(RunSettings.builder(suite, "answer").out(temp.resolve("run")).build());
        run.execute(ProgressListener.NONE);

        RescoreResult rescored = assay.rescore(run.directory(), null, null, List.of());

        JsonNode manifest = Json.MAPPER.readTree(run.directory().resolve("manifest.json").toFile());
        assertThat(manifest.path("started").asText()).isEqualTo(NOW.toString());
        assertThat(manifest.path("ended").asText()).isEqualTo(NOW.toString());
        assertThat(rescored.manifest().started()).isEqualTo(NOW.toString());
        assertThat(rescored.manifest().ended()).isEqualTo(NOW.toString());
    }

    @Test
    void aResultSinkTheSettingsNameGetsEveryTrialAndIsClosed() throws Exception {
        List<TrialRecord> received = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        ResultSink memory = new ResultSink() {
            @Override
            public void accept(TrialRecord record) {
                received.add(record);
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        List<RegisteredComponent> components = new ArrayList<>(new PluginLoader().load(List.of()).all());
        components.add(FakeComponents.resultSink("memory", memory));
        Assay assay = TestEngine.injector(binder -> binder.bind(ComponentRegistry.class)
                .toInstance(new ComponentRegistry(components))).getInstance(Assay.class);
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 3, "{type: equals}");

        assay.start(RunSettings.builder(suite, "answer").sinks(List.of("memory")).out(temp.resolve("run")).build())
                .execute(ProgressListener.NONE);

        assertThat(received).extracting(TrialRecord::task).containsExactlyInAnyOrder("t0", "t1", "t2");
        assertThat(closed).isTrue();
    }

    @Test
    void pluginsSweepersAreListedAndCalled() throws Exception {
        Assay assay = Assay.open(List.of());

        assertThat(assay.components()).filteredOn(c -> c.kind().equals("sweeper"))
                .extracting(InstalledComponent::name).containsExactly("leftovers");
        assertThat(assay.sweep()).isEqualTo(1);
    }

    @Test
    void sweepAddsUpWhatEverySweeperRemoved() throws Exception {
        ComponentRegistry sweepers = new ComponentRegistry(List.of(FakeComponents.sweeper("containers", 2),
                FakeComponents.sweeper("volumes", 3)));
        Assay assay = TestEngine.injector(binder -> binder.bind(ComponentRegistry.class).toInstance(sweepers))
                .getInstance(Assay.class);

        assertThat(assay.sweep()).isEqualTo(5);
    }
}

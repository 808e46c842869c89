package io.assay.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.testing.SuiteFiles;
import io.assay.launcher.Assay;
import io.assay.launcher.Manifest;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunReport;
import io.assay.launcher.RunSettings;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's manifest names every plugin jar its engine loaded with the SHA-256 of the jar's bytes, so
 * a signed bundle can say which plugin code produced the run; a manifest written before that field
 * existed still reads, with no plugins recorded rather than none loaded.
 */
class TestPluginJarsInManifest {

    @TempDir
    Path temp;

    @Test
    void aRunRecordsEachLoadedPluginJarWithItsSha256() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = TestingPluginJars.jar(plugins.resolve("echo.jar"))
                .source("com.a.EchoPlugin", TestingPluginJars.agentPlugin("com.a.EchoPlugin", "echo"))
                .service("com.a.EchoPlugin")
                .write();
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");

        Assay.open(List.of(plugins)).start(RunSettings.builder(suite, "echo").out(temp.resolve("run")).build())
                .execute(ProgressListener.NONE);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        assertThat(RunReport.of(temp.resolve("run")).manifest().plugins())
                .containsExactly(new Manifest.PluginJar(jar.toAbsolutePath().toString(), sha256));
        assertThat(Files.readString(temp.resolve("run/manifest.json"))).contains("\"plugins\"", sha256);
    }

    @Test
    void aRescoredRunRecordsThePluginJarsOfTheEngineThatGradedIt() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 2, "{type: equals}");
        Path run = temp.resolve("run");
        Assay.open(List.of()).start(RunSettings.builder(suite, "answer").out(run).build()).execute(ProgressListener.NONE);
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = TestingPluginJars.jar(plugins.resolve("echo.jar"))
                .source("com.a.EchoPlugin", TestingPluginJars.agentPlugin("com.a.EchoPlugin", "echo"))
                .service("com.a.EchoPlugin")
                .write();

        Manifest rescored = Assay.open(List.of(plugins)).rescore(run, temp.resolve("rescored"), null, List.of("rescore")).manifest();

        assertThat(RunReport.manifestOf(run).plugins()).isEmpty();
        assertThat(rescored.plugins()).containsExactly(Manifest.PluginJar.of(jar));
    }

    @Test
    void jarsHashedTogetherAreRecordedInOrderAsEachAlone() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        List<Path> jars = new ArrayList<>();
        for (String name : List.of("b", "a", "c")) {
            jars.add(TestingPluginJars.jar(plugins.resolve(name + ".jar"))
                    .source("com.a.EchoPlugin", TestingPluginJars.agentPlugin("com.a.EchoPlugin", name))
                    .service("com.a.EchoPlugin")
                    .write());
        }

        assertThat(Manifest.PluginJar.hashing(jars).get()).containsExactlyElementsOf(jars.stream().map(Manifest.PluginJar::of).toList());
    }

    @Test
    void aJarThatCannotBeReadFailsAsWhenHashedAlone() {
        Path missing = temp.resolve("missing.jar");

        Supplier<List<Manifest.PluginJar>> hashing = Manifest.PluginJar.hashing(List.of(missing));

        assertThatThrownBy(hashing::get).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read plugin jar " + missing + " to record its SHA-256");
    }

    @Test
    void aRunWithPluginsFromTheClassPathOnlyRecordsNoJar() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 1, "{type: equals}");

        Assay.open(List.of()).start(RunSettings.builder(suite, "answer").out(temp.resolve("run")).build())
                .execute(ProgressListener.NONE);

        assertThat(RunReport.of(temp.resolve("run")).manifest().plugins()).isEmpty();
    }

    @Test
    void aManifestWrittenBeforePluginsWereRecordedReadsWithoutThem() throws Exception {
        Path suite = SuiteFiles.write(temp.resolve("suite"), "numbers", 1, "{type: equals}");
        Path run = temp.resolve("run");
        Assay.open(List.of()).start(RunSettings.builder(suite, "answer").out(run).build()).execute(ProgressListener.NONE);
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll(",\\s*\"plugins\"\\s*:\\s*\\[\\s*\\]", ""));

        assertThat(Files.readString(manifest)).doesNotContain("plugins");
        assertThat(RunReport.of(run).manifest().plugins()).isNull();
    }
}

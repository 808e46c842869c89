package io.assay.cli;

import static io.assay.cli.CliResult.REPO;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** `assay plugin init NAME`: a plugin project that builds, passes its test, and loads into Assay. */
class TestPluginInit {

    @TempDir
    Path temp;

    @Test
    void writesAProjectWithOneReportedCheckItsServicesFileTestAndTheSpi() throws Exception {
        Path project = temp.resolve("starts-with");

        CliResult result = run("plugin", "init", "starts-with", "--out", project.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("mvn -B -f " + project.resolve("pom.xml") + " verify")
                .contains("assay plugins --plugin-dir " + project.resolve("target"));
        assertThat(files(project)).containsExactlyInAnyOrder(
                ".gitignore", "README.md", "pom.xml",
                "lib/io/assay/harness-spi/0.1.0/harness-spi-0.1.0.jar",
                "lib/io/assay/harness-spi/0.1.0/harness-spi-0.1.0.jar.sha1",
                "lib/io/assay/harness-spi/0.1.0/harness-spi-0.1.0.pom",
                "lib/io/assay/harness-spi/0.1.0/harness-spi-0.1.0.pom.sha1",
                "src/main/java/com/example/startswith/StartsWithPlugin.java",
                "src/main/java/com/example/startswith/StartsWithCheckFactory.java",
                "src/main/resources/META-INF/services/io.assay.spi.AssayPlugin",
                "src/test/java/com/example/startswith/TestStartsWithCheck.java");
        assertThat(project.resolve("src/main/resources/META-INF/services/io.assay.spi.AssayPlugin"))
                .hasContent("com.example.startswith.StartsWithPlugin");
        assertThat(project.resolve("pom.xml")).content().contains("<artifactId>starts-with</artifactId>")
                .doesNotContain("{{");
    }

    @Test
    void refusesADirectoryThatExistsAndLeavesItAlone() throws Exception {
        Path existing = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(existing.resolve("notes.txt"), "keep me");

        CliResult result = run("plugin", "init", "mine", "--out", existing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: " + existing + " already exists;");
        assertThat(files(existing)).containsExactly("notes.txt");
    }

    @Test
    void refusesNamesThatCannotBeAComponentOrAJavaPackage() {
        for (String name : List.of("Starts_With", "x-", "starts--with", "9lives", "int", "exact")) {
            CliResult result = run("plugin", "init", name, "--out", temp.resolve("p").toString());

            assertThat(result.exitCode()).as(name).isEqualTo(2);
            assertThat(result.err()).as(name).startsWith("error: invalid plugin name '" + name + "': ")
                    .doesNotContain("\tat ");
            assertThat(temp.resolve("p")).doesNotExist();
        }
    }

    /**
     * The one Maven build: offline, with the shared local repository only read (as a tail) and
     * anything Maven writes, such as its copy of the SPI, going to a temporary one.
     */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theProjectBuildsWithMavenAndItsCheckLoadsIntoAssay() throws Exception {
        Path project = temp.resolve("starts-with");
        assertThat(run("plugin", "init", "starts-with", "--out", project.toString()).exitCode()).isZero();

        Path log = temp.resolve("maven.log");
        ProcessBuilder build = new ProcessBuilder(REPO.resolve("mvnw").toString(), "-B", "-o", "-f",
                project.resolve("pom.xml").toString(), "verify",
                "-Dmaven.repo.local=" + temp.resolve("m2"),
                "-Dmaven.repo.local.tail=" + System.getProperty("assay.localRepository",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()),
                "-Daether.offline.protocols=file")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = build.start();
        boolean finished = maven.waitFor(20, TimeUnit.MINUTES); // a guard against a hang, not a time limit
        if (!finished) {
            maven.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished && maven.exitValue() == 0).as(output).isTrue();
        assertThat(output).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");

        CliResult listed = run("plugins", "--plugin-dir", project.resolve("target").toString(), "--format", "json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode check = null;
        for (JsonNode row : Json.MAPPER.readTree(listed.out())) {
            if (row.path("name").asText().equals("starts-with")) {
                check = row;
            }
        }
        assertThat(check).as(listed.out()).isNotNull();
        assertThat(check.path("kind").asText()).isEqualTo("reward-check");
        assertThat(check.path("version").asText()).isEqualTo("0.1.0");
        assertThat(check.path("source").asText()).endsWith("starts-with-0.1.0.jar");

        Path suite = Files.createDirectories(temp.resolve("suite"));
        Files.writeString(suite.resolve("suite.yaml"), "id: capitals\nreward: {type: starts-with, ignore_case: true}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\": \"fr\", \"prompt\": \"Capital of France?\","
                + " \"answer\": \"Paris\", \"solution\": \"paris, on the Seine\"}\n");
        CliResult graded = run("run", suite.toString(), "--agent", "oracle", "--plugin-dir",
                project.resolve("target").toString(), "--out", temp.resolve("run").toString(), "--progress", "none");
        assertThat(graded.exitCode()).as(graded.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(temp.resolve("run").resolve("summary.json").toFile());
        assertThat(summary.path("score").path("mean").asDouble()).isEqualTo(1.0);
    }

    private static List<String> files(Path directory) throws Exception {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).toList();
        }
    }
}

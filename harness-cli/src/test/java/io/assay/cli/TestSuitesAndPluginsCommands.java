package io.assay.cli;

import static io.assay.cli.CliResult.TEST_PLUGINS;
import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSuitesAndPluginsCommands {

    @TempDir
    Path temp;

    @Test
    void validateAcceptsTheExamples() {
        CliResult result = run("suites", "validate", example("arithmetic"), example("multiple-choice"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ok: " + example("arithmetic") + " (arithmetic 1.0.0, ");
    }

    @Test
    void validateReportsProblemsWithExitCodeTwo() throws Exception {
        Path suite = temp.resolve("bad");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: Bad_Id\nreward: {type: numeric, abs_tol: -x}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"p\",\"answer\":1}\n");

        CliResult result = run("suites", "validate", suite.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(suite.resolve("suite.yaml") + ":1: id")
                .contains(suite.resolve("suite.yaml") + ":2: reward.abs_tol");
    }

    @Test
    void pluginsListsBuiltInsAndPluginDirectoryJars() throws Exception {
        CliResult builtIn = run("plugins");
        assertThat(builtIn.exitCode()).isZero();
        assertThat(builtIn.out()).contains("agent").contains("oracle").contains("scripted")
                .contains("reward-check").contains("numeric").contains("suite-loader").contains("declarative")
                .doesNotContain("similarity");

        CliResult withPlugin = run("plugins", "--plugin-dir", TEST_PLUGINS.toString(), "--format", "json");
        assertThat(withPlugin.exitCode()).as(withPlugin.err()).isZero();
        JsonNode rows = Json.MAPPER.readTree(withPlugin.out());
        JsonNode similarity = null;
        for (JsonNode row : rows) {
            if (row.path("name").asText().equals("similarity")) {
                similarity = row;
            }
        }
        assertThat(similarity).isNotNull();
        assertThat(similarity.path("kind").asText()).isEqualTo("reward-check");
        assertThat(similarity.path("source").asText()).contains("example-similarity-0.1.0.jar");
        assertThat(similarity.path("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void duplicateComponentNamesNameBothJars() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Files.createDirectories(first);
        Files.createDirectories(second);
        Path jar = Files.list(TEST_PLUGINS).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        Files.copy(jar, first.resolve("one.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(jar, second.resolve("two.jar"), StandardCopyOption.REPLACE_EXISTING);

        CliResult result = run("plugins", "--plugin-dir", first.toString(), "--plugin-dir", second.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("registered twice").contains("one.jar").contains("two.jar").doesNotContain("\tat ");
    }

    @Test
    void pluginFromADirectoryGradesAndSinksARun() throws Exception {
        Path suite = temp.resolve("suite");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: fuzzy\nreward: {type: similarity, threshold: 0.8}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"Capital of France?\",\"answer\":\"Paris\"}\n");
        Path out = temp.resolve("run");

        CliResult result = run("run", suite.toString(), "--agent", "oracle", "--plugin-dir", TEST_PLUGINS.toString(),
                "--sink", "csv", "--out", out.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(2);
    }
}

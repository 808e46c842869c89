package io.assay.cli;

import static io.assay.cli.CliResult.TEST_PLUGINS;
import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What people read: help, counts, tables and errors say whole things, in agreement. */
class TestMessages {

    @TempDir
    Path temp;

    @Test
    void everyCommandSummaryIsACompleteSentenceOnOneLine() {
        List<CommandLine> withSubcommands = new ArrayList<>();
        collect(AssayCommand.commandLine(), withSubcommands);
        assertThat(withSubcommands).extracting(c -> c.getCommandSpec().qualifiedName())
                .contains("assay", "assay suites", "assay plugin");

        for (CommandLine command : withSubcommands) {
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> listed = usage.substring(usage.indexOf("Commands:\n") + "Commands:\n".length()).lines()
                    .takeWhile(line -> !line.isBlank()).toList();
            assertThat(listed).as(usage).hasSize(command.getSubcommands().size());
            for (String line : listed) {
                assertThat(line).as("%s: each summary ends its sentence on its own line", command.getCommandName())
                        .matches("  [a-z]+ +[A-Z].*\\.");
            }
        }
    }

    @Test
    void countsAgreeWithTheirNouns() throws Exception {
        Path suite = oneTaskSuite("{\"id\": \"t1\", \"prompt\": \"Say x\", \"answer\": \"x\", \"metadata\": {\"level\": \"easy\"}}");

        CliResult validated = run("suites", "validate", suite.toString());
        CliResult ran = run("run", suite.toString(), "--agent", "oracle", "--out", temp.resolve("run").toString(),
                "--progress", "lines");

        assertThat(validated.out()).contains("(one, 1 task)");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.err()).containsPattern("progress: 1/1 trial, ");
        assertThat(ran.out()).contains("1 of 1 recorded, 0 harness errors (not scored)")
                .containsPattern("level=easy +1 task +score");
        assertThat(validated.out() + ran.out() + ran.err()).doesNotContainPattern("\\b1 [a-z ]*(tasks|trials|errors)\\b");
    }

    @Test
    void segmentRowsLineUpWhateverTheMetadataLengths() throws Exception {
        Path suite = oneTaskSuite("{\"id\": \"t1\", \"prompt\": \"Say x\", \"answer\": \"x\", \"metadata\": "
                + "{\"category\": \"system-administration-and-networking\", \"level\": \"easy\"}}");

        CliResult ran = run("run", suite.toString(), "--agent", "oracle", "--out", temp.resolve("run").toString(),
                "--progress", "none");

        assertThat(ran.exitCode()).as(ran.err()).isZero();
        List<String> rows = ran.out().lines().dropWhile(line -> !line.equals("segments")).skip(1)
                .takeWhile(line -> line.startsWith("  ")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(row -> row.indexOf(" 1 task")).as(String.join("\n", rows)).containsOnly(
                rows.getFirst().indexOf(" 1 task"));
    }

    @Test
    void pluginsColumnsLineUpWhateverTheNameLengths() {
        CliResult result = run("plugins", "--plugin-dir", TEST_PLUGINS.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        String header = lines.getFirst();
        List<Integer> starts = List.of(header.indexOf("NAME"), header.indexOf("VERSION"), header.indexOf("SOURCE"),
                header.indexOf("DESCRIPTION"));
        assertThat(lines).anyMatch(line -> line.contains("grader-determinism")).anyMatch(line -> line.contains("similarity"));
        for (String line : lines) {
            for (int start : starts) {
                assertThat(line.substring(start - 2, start)).as(line).isEqualTo("  ");
                assertThat(line.charAt(start)).as(line).isNotEqualTo(' ');
            }
        }
    }

    @Test
    void aResultSinkWhenNoneIsInstalledSaysSoAndHowToAddOne() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--sink", "csv",
                "--out", temp.resolve("run").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: unknown result-sink 'csv'; no result-sink is installed\n")
                .contains("hint: add a plugin that provides one with --plugin-dir DIR, ASSAY_PLUGIN_PATH")
                .doesNotContain("available:");
    }

    @Test
    void aJsonLimitIsOneLineNamingFileLineAndLimitWithExitCodeTwo() throws Exception {
        Path suite = oneTaskSuite("{\"id\": \"t1\", \"prompt\": \"p\", \"answer\": \"x\"}\n"
                + "{\"id\": \"t2\", \"prompt\": \"p\", \"answer\": " + "[".repeat(1001) + "]".repeat(1001) + "}");

        CliResult result = run("run", suite.toString(), "--agent", "oracle", "--out", temp.resolve("run").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .containsExactly("error: " + suite.resolve("tasks.jsonl") + ":2: values nested 1001 levels deep,"
                        + " deeper than the 1000 levels Assay reads");
        assertThat(result.err()).doesNotContain("StreamReadConstraints").doesNotContain("\tat ");
    }

    private Path oneTaskSuite(String tasks) throws Exception {
        Path suite = Files.createDirectories(temp.resolve("one"));
        Files.writeString(suite.resolve("suite.yaml"), "id: one\nreward: {type: exact}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), tasks + "\n");
        return suite;
    }

    private static void collect(CommandLine command, List<CommandLine> withSubcommands) {
        if (!command.getSubcommands().isEmpty()) {
            withSubcommands.add(command);
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, withSubcommands));
    }
}

package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay report RUN --failed} and {@code --task ID}: the failed tasks and one task's transcripts, in a terminal. */
class TestReportCommand {

    @TempDir
    Path temp;

    private Path runOf(String suite, String agent, String... more) {
        return CliResult.exampleRun(temp.resolve(suite.replace('/', '-') + "-" + agent), suite, agent, more);
    }

    @Test
    void failedListsEveryTaskThatFailedWithItsFirstReasonInTaskOrder() throws Exception {
        long tasks = Files.readAllLines(Path.of(example("arithmetic")).resolve("tasks.jsonl")).stream()
                .filter(line -> !line.isBlank()).count();

        CliResult nothing = run("report", runOf("arithmetic", "null").toString(), "--failed");
        CliResult oracle = run("report", runOf("arithmetic", "oracle").toString(), "--failed");

        assertThat(nothing.exitCode()).isZero();
        List<String> lines = nothing.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(tasks + " of " + tasks + " tasks failed or errored");
        assertThat(lines.get(1)).matches("task +trials +failed +errors +first reason");
        assertThat(lines.subList(2, lines.size())).hasSize((int) tasks)
                .allMatch(line -> line.matches("\\S+ +1 +1 +0 +.+"));
        List<String> ids = lines.subList(2, lines.size()).stream().map(line -> line.split(" +")[0]).toList();
        assertThat(ids).isSorted();
        assertThat(oracle.out()).isEqualTo("0 of " + tasks + " tasks failed or errored\n");
    }

    @Test
    void taskPrintsEachTrialsOutcomeRewardAndTranscriptWithToolCalls() {
        Path out = runOf("retail", "oracle", "--task", "cancel-yusuf-mistake", "--epochs", "2");

        CliResult result = run("report", out.toString(), "--task", "cancel-yusuf-mistake");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("== task cancel-yusuf-mistake, epoch 0: completed, score 1.000, passed",
                "== task cancel-yusuf-mistake, epoch 1: completed", "reward: all 2 checks passed",
                "user: Hi, I'm Yusuf Rossi", "tool cancel_pending_order {\"order_id\":\"#W3866977\"",
                "  = {");
    }

    @Test
    void textFromTheRunCannotSendTerminalControlSequences() throws Exception {
        Path predictions = temp.resolve("predictions.jsonl");
        Files.writeString(predictions, "{\"task_id\": \"money-change\", \"output\": \"\\u001b[2J\\u001b]0;pwned\\u0007"
                + "<script>alert(1)</script>\"}\n");
        Path out = runOf("arithmetic", "scripted", "-A", "file=" + predictions, "--task", "money-change");

        CliResult result = run("report", out.toString(), "--task", "money-change");

        assertThat(result.out()).contains("answer: \\u001b[2J\\u001b]0;pwned\\u0007<script>alert(1)</script>")
                .doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void misuseIsOneLineAndExitCodeTwo() {
        Path out = runOf("arithmetic", "oracle");

        CliResult unknown = run("report", out.toString(), "--task", "no-such-task");
        CliResult json = run("report", out.toString(), "--failed", "--format", "json");
        CliResult both = run("report", out.toString(), "--failed", "--task", "money-change");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: --task no-such-task: " + out + " has no trial of task no-such-task\n")
                .contains("--failed lists the tasks that failed").doesNotContain("\tat ");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).startsWith("error: --failed prints text; --format json prints the summary");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).startsWith("error: --failed and --task: give one");
    }
}

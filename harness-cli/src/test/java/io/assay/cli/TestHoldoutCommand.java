package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay holdout split}/{@code verify} on the bundled examples, and the gap that {@code assay
 * compare} and {@code assay leaderboard} report with {@code --holdout}: the scripted agent replaying
 * examples/arithmetic/predictions.jsonl (16 of 20 right) on both parts.
 */
class TestHoldoutCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path split(String suite, String fraction, String seed) {
        Path out = temp.resolve(suite + "-split");
        CliResult result = run("holdout", "split", example(suite), "--fraction", fraction, "--seed", seed,
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    private Path runOn(Path part, String agent, String... more) {
        Path out = temp.resolve(part.getParent().getFileName() + "-" + part.getFileName() + "-" + agent);
        List<String> args = new ArrayList<>(List.of("run", part.toString(), "--agent", agent, "--out", out.toString(),
                "--progress", "none"));
        args.addAll(List.of(more));
        CliResult result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        return out;
    }

    /** The score {@code assay report} computes for a run, independently of the gap. */
    private static double reportedMean(Path run) throws Exception {
        return JSON.readTree(run("report", run.toString(), "--format", "json").out()).get("score").get("mean").asDouble();
    }

    private Path scripted(Path part) {
        return runOn(part, "scripted", "-A", "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl"));
    }

    @Test
    void splitPrintsTheCountsAndVerifyPassesOnAnUntouchedSplit() throws Exception {
        Path out = temp.resolve("split");
        CliResult split = run("holdout", "split", example("arithmetic"), "--fraction", "0.3", "--seed", "7",
                "--out", out.toString());
        CliResult verify = run("holdout", "verify", out.toString());

        assertThat(split.exitCode()).as(split.err()).isZero();
        assertThat(split.out()).contains("split arithmetic@1.0.0 (declarative, seed 7): 14 tasks public in "
                + out.resolve("public") + ", 6 tasks private in " + out.resolve("private"));
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        String privateHash = JSON.readTree(out.resolve("private/holdout-salts.json").toFile()).get("content_hash").asText();
        assertThat(verify.out()).isEqualTo("ok: 6 private tasks match the 6 commitments in " + out.resolve("commitment.json")
                + "\nok: so do the private part's other files: suite.yaml, tasks.jsonl"
                + "\nok: the private part loads with content hash " + privateHash + ", as holdout-salts.json records\n");
    }

    @Test
    void verifyExitsOneNamingAChangedTask() throws Exception {
        Path out = split("arithmetic", "0.3", "7");
        Path tasks = out.resolve("private/tasks.jsonl");
        List<String> lines = Files.readAllLines(tasks);
        String id = JSON.readTree(lines.getFirst()).get("id").asText();
        lines.set(0, lines.getFirst().replace("\"prompt\": \"", "\"prompt\": \"Quickly: "));
        Files.write(tasks, lines);

        CliResult verify = run("holdout", "verify", out.toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains("failed: changed: task '" + id + "': its bytes no longer match its commitment",
                "failed: changed: file 'tasks.jsonl': its bytes no longer match its commitment",
                "5 of 6 commitments matched; 3 failures");
    }

    @Test
    void verifyExitsOneNamingAnEditedSuiteFileThoughTheSaltsFileRecordsTheNewContentHash() throws Exception {
        Path out = split("arithmetic", "0.3", "7");
        Path suiteFile = out.resolve("private/suite.yaml");
        Files.writeString(suiteFile, Files.readString(suiteFile) + "\n# graded leniently from now on\n");
        Path edited = runOn(out.resolve("private"), "oracle");
        String newHash = JSON.readTree(edited.resolve("manifest.json").toFile()).get("suite").get("content_hash").asText();
        Path salts = out.resolve("private/holdout-salts.json");
        Files.writeString(salts, Files.readString(salts).replaceFirst("sha256:[0-9a-f]{64}", newHash));

        CliResult verify = run("holdout", "verify", out.toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err().lines().toList()).containsExactly(
                "failed: changed: file 'suite.yaml': its bytes no longer match its commitment",
                "6 of 6 commitments matched; 1 failure");
    }

    @Test
    void aBadFractionAnUnsupportedSuiteAndABadCommitmentFileAreOneLineAndExitTwo() throws Exception {
        CliResult fraction = run("holdout", "split", example("arithmetic"), "--fraction", "0", "--seed", "1", "--out",
                temp.resolve("a").toString());
        CliResult unsupported = run("holdout", "split", example("arena"), "--fraction", "0.5", "--seed", "1", "--out",
                temp.resolve("b").toString());
        Path out = split("multiple-choice", "0.5", "3");
        Files.writeString(out.resolve("commitment.json"), "{\"suite\": ");
        CliResult malformed = run("holdout", "verify", out.toString());

        assertThat(fraction.exitCode()).isEqualTo(2);
        assertThat(fraction.err()).startsWith("error: --fraction 0.0: expected the share of tasks to hold out");
        assertThat(unsupported.exitCode()).isEqualTo(2);
        assertThat(unsupported.err().lines().toList()).containsExactly(
                "error: " + example("arena") + ": not a suite format assay holdout can split",
                "hint: assay holdout splits declarative suites with a task file (suite.yaml and tasks.jsonl) and Harbor"
                        + " suites (one directory with task.toml per task)");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("error: " + out.resolve("commitment.json") + ":1: invalid JSON");
    }

    @Test
    void aHarborSuiteSplitsByTaskDirectoryAndBothPartsValidate() throws Exception {
        Path out = split("terminal", "0.5", "1");

        CliResult validate = run("suites", "validate", out.resolve("public").toString(), out.resolve("private").toString());
        CliResult verify = run("holdout", "verify", out.toString());
        Files.writeString(Files.list(out.resolve("private")).filter(Files::isDirectory).sorted().findFirst().orElseThrow()
                .resolve("instruction.md"), "\n", StandardOpenOption.APPEND);
        CliResult tampered = run("holdout", "verify", out.toString());
        Files.writeString(out.resolve("private/suite.toml"), "\n", StandardOpenOption.APPEND);
        CliResult suiteFile = run("holdout", "verify", out.toString());

        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("(terminal-basics 1.0.0, 3 tasks)");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.err()).contains("failed: changed: task '");
        assertThat(suiteFile.exitCode()).isEqualTo(1);
        assertThat(suiteFile.err()).contains("failed: changed: file 'suite.toml': its bytes no longer match its commitment");
        assertThat(Files.readString(out.resolve("commitment.json"))).contains("\"format\" : \"harbor\"");
    }

    @Test
    void aSplitThatFailsHalfWayLeavesNothingBehind() throws Exception {
        // Every task holds a symbolic link, whose bytes are not the task's own: committing to the
        // first private task fails after both parts were written.
        Path suite = temp.resolve("linked");
        try (Stream<Path> files = Files.walk(Path.of(example("terminal")))) {
            for (Path source : files.toList()) {
                Path target = suite.resolve(Path.of(example("terminal")).relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        try (Stream<Path> tasks = Files.list(suite)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                Files.createSymbolicLink(task.resolve("link.md"), task.resolve("instruction.md"));
            }
        }
        Path out = temp.resolve("parts").resolve("split");

        CliResult result = run("holdout", "split", suite.toString(), "--fraction", "0.5", "--seed", "1", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("link.md");
        assertThat(temp.resolve("parts")).isEmptyDirectory();
    }

    @Test
    void compareWithHoldoutReportsTheGapAsJsonAndTextWithTheSameFigures() throws Exception {
        Path out = split("arithmetic", "0.3", "7");
        Path publicRun = scripted(out.resolve("public"));
        Path privateRun = scripted(out.resolve("private"));

        CliResult json = run("compare", publicRun.toString(), privateRun.toString(), "--holdout", out.toString(),
                "--format", "json");
        CliResult text = run("compare", publicRun.toString(), privateRun.toString(), "--holdout", out.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode gap = JSON.readTree(json.out());
        assertThat(gap.fieldNames()).toIterable().contains("public", "private", "gap", "ci95", "p_value", "df", "agent");
        assertThat(gap.get("public").fieldNames()).toIterable().contains("run", "content_hash", "tasks", "mean", "ci95");
        double publicMean = reportedMean(publicRun);
        double privateMean = reportedMean(privateRun);
        assertThat(gap.get("public").get("tasks").asInt()).isEqualTo(14);
        assertThat(gap.get("private").get("tasks").asInt()).isEqualTo(6);
        assertThat(gap.get("gap").asDouble()).isCloseTo(publicMean - privateMean, within(1e-12));
        assertThat(text.out()).contains(String.format(Locale.ROOT, "Gap public - private: %+.3f [95%% CI %+.3f, %+.3f]",
                gap.get("gap").asDouble(), gap.get("ci95").get(0).asDouble(), gap.get("ci95").get(1).asDouble()));
    }

    @Test
    void theTunedExampleAgentScoresBetterOnThePublicPartBeyondChance() throws Exception {
        Path out = split("arithmetic", "0.3", "7");
        String tuned = "file=" + CliResult.REPO.resolve("examples/trust/tuned-predictions.jsonl");
        Path publicRun = runOn(out.resolve("public"), "scripted", "-A", tuned);
        Path privateRun = runOn(out.resolve("private"), "scripted", "-A", tuned);

        JsonNode gap = JSON.readTree(run("compare", publicRun.toString(), privateRun.toString(), "--holdout", out.toString(),
                "--format", "json").out());

        assertThat(gap.get("public").get("mean").asDouble()).isEqualTo(1.0);
        assertThat(gap.get("private").get("mean").asDouble()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(gap.get("ci95").get(0).asDouble()).isGreaterThan(0);
        // The public part's scores are all 1: a t interval would take its score for exact, so the interval is Newcombe's.
        assertThat(gap.get("method").asText()).isEqualTo("newcombe");
        assertThat(gap.get("p_value").isNull()).isTrue();
    }

    @Test
    void leaderboardWithHoldoutPairsEachAgentsRunsAndRefusesARunNotOfTheSplit() throws Exception {
        Path out = split("arithmetic", "0.3", "7");
        Path publicScripted = scripted(out.resolve("public"));
        Path privateScripted = scripted(out.resolve("private"));
        Path publicOracle = runOn(out.resolve("public"), "oracle");
        Path privateOracle = runOn(out.resolve("private"), "oracle");
        Path original = CliResult.exampleRun(temp.resolve("original"), "arithmetic", "oracle");

        CliResult board = run("leaderboard", publicScripted.toString(), privateOracle.toString(), privateScripted.toString(),
                publicOracle.toString(), "--holdout", out.toString(), "--format", "json");
        CliResult foreign = run("leaderboard", publicOracle.toString(), original.toString(), "--holdout", out.toString());
        CliResult compared = run("compare", original.toString(), privateOracle.toString(), "--holdout", out.toString());
        CliResult everyRun = run("leaderboard", publicOracle.toString(), privateOracle.toString(), "--holdout", out.toString(),
                "--runs", "all");

        assertThat(board.exitCode()).as(board.err()).isZero();
        JsonNode entries = JSON.readTree(board.out()).get("entries");
        assertThat(entries).extracting(entry -> entry.get("agent").asText()).containsExactly("oracle", "scripted");
        assertThat(entries.get(0).get("gap").asDouble()).isZero();
        assertThat(entries.get(1).get("public").get("run").asText()).isEqualTo(publicScripted.toString());
        assertThat(entries.get(1).get("private").get("run").asText()).isEqualTo(privateScripted.toString());
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err()).startsWith("error: " + original + " graded arithmetic@1.0.0").contains("neither part");
        assertThat(compared.exitCode()).isEqualTo(2);
        assertThat(compared.out()).isEmpty();
        assertThat(everyRun.exitCode()).isEqualTo(2);
        assertThat(everyRun.err()).contains("--holdout takes neither").contains("--runs");
    }
}

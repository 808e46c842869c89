package io.assay.cli;

import static io.assay.cli.CliResult.REPO;
import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestContaminationCommand {
    private static final String CORPUS = REPO.resolve("examples/trust/corpus/web-sample.txt").toString();

    @TempDir
    Path temp;

    @Test
    void theBundledCorpusQuotesOneArithmeticTaskSoItOverlapsWithExitCodeOne() {
        CliResult result = run("contamination", example("arithmetic"), "--corpus", CORPUS);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("Contamination of arithmetic: 13-gram overlap", "OVERLAP (1)",
                "  money-change: prompt 16/29 n-grams (55.2%), answer not checkable (2 tokens)",
                "first match " + CORPUS + ":9 \"Mia buys 3 notebooks at $2.45 each",
                "CLEAN (19): money-muffins,", "1 task overlaps, 19 clean, 0 not checkable");
    }

    @Test
    void jsonHasTheContractedShape() throws Exception {
        Path report = temp.resolve("overlap.json");
        CliResult result = run("contamination", example("arithmetic"), "--corpus", CORPUS, "--format", "json",
                "--output", report.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = Json.MAPPER.readTree(report.toFile());
        assertThat(fieldNames(json)).containsExactly("suite", "n", "threshold", "corpus", "summary", "tasks");
        assertThat(fieldNames(json.path("summary"))).containsExactly("tasks", "overlap", "clean", "not_checkable");
        assertThat(json.path("summary").path("overlap").asInt()).isEqualTo(1);
        assertThat(fieldNames(json.path("corpus").get(0))).containsExactly("file", "bytes", "lines", "tokens");
        JsonNode first = json.path("tasks").get(0);
        assertThat(fieldNames(first)).containsExactly("task", "status", "prompt", "answer");
        assertThat(fieldNames(first.path("prompt"))).containsExactly("tokens", "ngrams", "matched", "fraction", "first_match");
        assertThat(first.path("prompt").path("first_match").path("line").asInt()).isEqualTo(9);
        assertThat(first.path("answer").path("fraction").isNull()).isTrue();
    }

    @Test
    void aGzipCorpusAndTaskSpreadOverLinesAreFoundAndACleanCorpusExitsZero() throws Exception {
        Path gz = temp.resolve("dump.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("""
                    lesson plan, week 3
                    What is the chemical symbol for sodium?
                    A) S
                    B) Na
                    C) So
                    D) Sd
                    Answer with the letter of the correct option.
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path clean = Files.writeString(temp.resolve("clean.txt"), "Nothing from any benchmark here.\n");

        CliResult found = run("contamination", example("multiple-choice"), "--corpus", clean.toString(), "--corpus", gz.toString());
        CliResult none = run("contamination", example("multiple-choice"), "--corpus", clean.toString());

        assertThat(found.exitCode()).as(found.err()).isEqualTo(1);
        assertThat(found.out()).contains("OVERLAP (1)", "  sodium-symbol: prompt 11/11 n-grams (100.0%)",
                "first match " + gz + ":2 \"What is the chemical symbol for sodium? A) S B) Na");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("0 tasks overlap, 12 clean, 0 not checkable");
    }

    @Test
    void aLargeCorpusShowsItsProgressOnStandardError() throws Exception {
        Path large = temp.resolve("large.txt");
        String line = "filler words for a corpus large enough to report progress\n";
        try (var out = Files.newBufferedWriter(large)) {
            for (long written = 0; written < (17L << 20); written += line.length()) {
                out.write(line);
            }
        }

        CliResult result = run("contamination", example("arithmetic"), "--corpus", large.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("contamination: " + large + " 1 of 17 MB read (10%)",
                "contamination: " + large + " 17 of 17 MB read (100%)");
        assertThat(result.out()).contains("0 tasks overlap, 20 clean, 0 not checkable");
    }

    @Test
    void tasksShorterThanNAreNotCheckable() throws Exception {
        CliResult result = run("contamination", example("multiple-choice"), "--corpus", CORPUS, "--n", "100");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("NOT CHECKABLE (12): prompt and answers shorter than 100 tokens")
                .contains("0 tasks overlap, 0 clean, 12 not checkable");
    }

    @Test
    void badInputExitsWithTwoAndOneError() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("dir"));
        Path notGzip = Files.writeString(temp.resolve("plain.gz"), "plain text");
        List<CliResult> results = new ArrayList<>(List.of(
                run("contamination", example("arithmetic"), "--corpus", temp.resolve("missing.txt").toString()),
                run("contamination", example("arithmetic"), "--corpus", directory.toString()),
                run("contamination", example("arithmetic"), "--corpus", notGzip.toString()),
                run("contamination", example("arithmetic"), "--corpus", CORPUS, "--n", "0"),
                run("contamination", example("arithmetic"), "--corpus", CORPUS, "--threshold", "1.5"),
                run("contamination", example("arithmetic")),
                run("contamination", temp.resolve("no-suite").toString(), "--corpus", CORPUS)));

        for (CliResult result : results) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).doesNotContain("\tat ");
            assertThat(result.err().lines().filter(line -> line.startsWith("error: ")).count()).as(result.err()).isEqualTo(1);
        }
        assertThat(results.get(0).err()).contains("missing.txt does not exist");
        assertThat(results.get(1).err()).contains("is a directory");
        assertThat(results.get(2).err()).contains("plain.gz is not a complete gzip file");
        assertThat(results.get(3).err()).contains("--n must be from 1 to 256, got 0");
        assertThat(results.get(4).err()).contains("--threshold must be from 0 to 1, got 1.5");
    }

    @Test
    void aHugeNIsRefusedBeforeAnyWindowIsAllocated() {
        CliResult result = run("contamination", example("arithmetic"), "--corpus", CORPUS, "--n", "2000000000");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().toList()).containsExactly(
                "error: --n must be from 1 to 256, got 2000000000",
                "hint: 13 is the GPT-3 paper's choice; a longer n-gram is rarely shared by any two texts, and each scan"
                        + " keeps n tokens in memory");
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLineAndExitTwoBeforeTheCorpusIsRead() throws Exception {
        Path missingDirectory = temp.resolve("missing-dir").resolve("r.txt");
        Path directory = Files.createDirectories(temp.resolve("a-directory"));
        // The corpus does not exist either: the output is checked first, before any corpus file is opened.
        CliResult missing = run("contamination", example("arithmetic"), "--corpus", temp.resolve("absent.txt").toString(),
                "--output", missingDirectory.toString());
        CliResult isDirectory = run("contamination", example("arithmetic"), "--corpus", CORPUS,
                "--output", directory.toString());

        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).containsExactly(
                "error: --output " + missingDirectory + ": its directory " + missingDirectory.getParent() + " does not exist",
                "hint: give --output a file in an existing directory you can write to, or leave it out for standard output");
        assertThat(isDirectory.exitCode()).as(isDirectory.err()).isEqualTo(2);
        assertThat(isDirectory.err()).startsWith("error: --output " + directory + ": cannot be written").doesNotContain("\tat ");
        assertThat(missingDirectory.getParent()).doesNotExist();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

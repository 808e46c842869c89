package io.assay.trust.contamination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestContaminationCheck {
    private static final TaskText LIGHTHOUSE = new TaskText("lighthouse", "The old lighthouse keeper counted forty-seven"
            + " ships passing the northern cape during the storm of last winter. How many ships would he count in three"
            + " such winters?", List.of("141"));
    private static final TaskText ORCHARD = new TaskText("orchard", "An orchard has twelve rows of apple trees with"
            + " nine trees in each row, and every tree gives thirty apples. How many apples does the orchard give?",
            List.of("3240"));
    private static final TaskText SHORT = new TaskText("short", "What is 2 + 2?", List.of("4"));
    private static final String CORPUS = """
            Forum post, 2023. My kid brought home this one:
            "The old Lighthouse keeper counted forty seven ships
            passing the northern cape during the storm of
            last winter. How many ships would he count..."
            Nobody in the family could agree.
            """;

    @TempDir
    Path temp;

    private ContaminationReport check(Path corpus, int n, double threshold, TaskText... tasks) {
        ContaminationCheck check = ContaminationCheck.of("demo", List.of(tasks), n, threshold);
        check.scan(corpus, bytes -> { });
        return check.report();
    }

    private static TaskOverlap task(ContaminationReport report, String id) {
        return report.tasks().stream().filter(t -> t.task().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPromptQuotedAcrossLinesOverlapsAndOnlyThatTask() throws Exception {
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), CORPUS);

        ContaminationReport report = check(corpus, 13, 0, LIGHTHOUSE, ORCHARD);

        TaskOverlap lighthouse = task(report, "lighthouse");
        assertThat(lighthouse.status()).isEqualTo(TaskOverlap.Status.OVERLAP);
        // 28 prompt tokens, 16 13-grams; the corpus breaks off after "count", the 24th token: 12 13-grams are quoted.
        assertThat(lighthouse.prompt().ngrams()).isEqualTo(16);
        assertThat(lighthouse.prompt().matched()).isEqualTo(12);
        assertThat(lighthouse.prompt().firstMatch()).isEqualTo(new CorpusMatch(corpus.toString(), 2,
                "The old Lighthouse keeper counted forty seven ships passing the northern cape during"));
        assertThat(task(report, "orchard").status()).isEqualTo(TaskOverlap.Status.CLEAN);
        assertThat(task(report, "orchard").prompt().matched()).isZero();
        assertThat(report.overlapping()).extracting(TaskOverlap::task).containsExactly("lighthouse");
        assertThat(report.corpus()).containsExactly(new CorpusFile(corpus.toString(), Files.size(corpus), 5, 39));
    }

    @Test
    void aGzipCorpusReadsAsItsText() throws Exception {
        Path corpus = temp.resolve("corpus.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corpus))) {
            out.write(CORPUS.getBytes(StandardCharsets.UTF_8));
        }

        ContaminationReport report = check(corpus, 13, 0, LIGHTHOUSE, ORCHARD);

        assertThat(report.overlapping()).extracting(TaskOverlap::task).containsExactly("lighthouse");
        assertThat(task(report, "lighthouse").prompt().matched()).isEqualTo(12);
        assertThat(report.corpus().getFirst().bytes()).isEqualTo(Files.size(corpus));
    }

    @Test
    void aTaskShorterThanNIsNotCheckableNeverClean() throws Exception {
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), "What is 2 + 2? It is 4.\n");

        ContaminationReport report = check(corpus, 13, 0, SHORT, ORCHARD);

        assertThat(task(report, "short").status()).isEqualTo(TaskOverlap.Status.NOT_CHECKABLE);
        assertThat(task(report, "short").prompt().fraction()).isNull();
        assertThat(report.json()).contains("\"not_checkable\" : 1");
        assertThat(report.text()).contains("NOT CHECKABLE (1): prompt and answers shorter than 13 tokens: short");
        // With 4-grams it has something to look for, and the corpus holds it.
        assertThat(task(check(corpus, 4, 0, SHORT), "short").status()).isEqualTo(TaskOverlap.Status.OVERLAP);
    }

    @Test
    void aReferenceAnswerInTheCorpusCountsAsTheAnswersOverlap() throws Exception {
        TaskText essay = new TaskText("essay", "Name it.", List.of("the quick brown fox jumps over the lazy dog while"
                + " the cat sleeps by the warm fire"));
        Path corpus = Files.writeString(temp.resolve("corpus.txt"),
                "A pangram: The quick brown fox jumps over the lazy dog, while the cat sleeps by the warm fire.\n");

        TaskOverlap overlap = task(check(corpus, 13, 0, essay), "essay");

        assertThat(overlap.status()).isEqualTo(TaskOverlap.Status.OVERLAP);
        assertThat(overlap.prompt().checkable()).isFalse();
        assertThat(overlap.answer().ngrams()).isEqualTo(5);
        assertThat(overlap.answer().matched()).isEqualTo(5);
    }

    @Test
    void theThresholdAsksForAShareOfTheNgrams() throws Exception {
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), CORPUS);

        // 12 of 16 13-grams (75%) are in the corpus: below a threshold of 0.8, above 0.7.
        assertThat(task(check(corpus, 13, 0.8, LIGHTHOUSE), "lighthouse").status()).isEqualTo(TaskOverlap.Status.CLEAN);
        assertThat(task(check(corpus, 13, 0.7, LIGHTHOUSE), "lighthouse").status()).isEqualTo(TaskOverlap.Status.OVERLAP);
    }

    @Test
    void normalisationIsCaseAndScriptAware() throws Exception {
        TaskText greek = new TaskText("greek", "Η ΓΡΗΓΟΡΗ καφέ γάτα", List.of());
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), "η γρηγορη... no: η Γρήγορη -- καφέ; γάτα!\n");

        // Accented letters are letters, not separators, and not their plain forms: "γρηγορη" is not "γρήγορη".
        TaskOverlap overlap = task(check(corpus, 4, 0, greek), "greek");
        assertThat(TextTokens.words("Η ΓΡΗΓΟΡΗ καφέ")).containsExactly("η", "γρηγορη", "καφέ");
        assertThat(overlap.prompt().matched()).isZero();
        Path accented = Files.writeString(temp.resolve("accented.txt"), "η ΓΡΗΓΟΡΗ -- Καφέ; γάτα!\n");
        assertThat(task(check(accented, 4, 0, greek), "greek").prompt().matched()).isEqualTo(1);
    }

    @Test
    void badInputIsAnInputException() throws Exception {
        Path notGzip = Files.writeString(temp.resolve("plain.gz"), "not compressed");

        assertThatThrownBy(() -> ContaminationCheck.of("demo", List.of(LIGHTHOUSE), 0, 0))
                .isInstanceOf(InputException.class).hasMessage("--n must be from 1 to 256, got 0");
        // Refused before a window of n tokens is allocated for the scan.
        assertThatThrownBy(() -> ContaminationCheck.of("demo", List.of(LIGHTHOUSE), 2_000_000_000, 0))
                .isInstanceOf(InputException.class).hasMessage("--n must be from 1 to 256, got 2000000000");
        assertThatThrownBy(() -> ContaminationCheck.of("demo", List.of(LIGHTHOUSE), 13, 1.5))
                .isInstanceOf(InputException.class).hasMessageContaining("--threshold must be from 0 to 1");
        assertThatThrownBy(() -> check(temp.resolve("missing.txt"), 13, 0, LIGHTHOUSE))
                .isInstanceOf(InputException.class).hasMessageContaining("missing.txt does not exist");
        assertThatThrownBy(() -> check(temp, 13, 0, LIGHTHOUSE))
                .isInstanceOf(InputException.class).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> check(notGzip, 13, 0, LIGHTHOUSE))
                .isInstanceOf(InputException.class).hasMessageContaining("plain.gz is not a complete gzip file");
    }
}

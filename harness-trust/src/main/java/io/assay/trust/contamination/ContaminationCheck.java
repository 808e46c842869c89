package io.assay.trust.contamination;

import io.assay.launcher.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The n-gram overlap of a suite's prompts and reference answers with a text corpus, as the GPT-3
 * paper's contamination analysis measures it: build the suite's n-grams once, stream each corpus
 * file once, then judge each task.
 *
 * <pre>{@code
 * ContaminationCheck check = ContaminationCheck.of("arithmetic", tasks, 13, 0.0);
 * check.scan(Path.of("corpus.txt.gz"), bytes -> { });
 * ContaminationReport report = check.report();
 * report.overlapping();   // the tasks some corpus file shares a 13-gram with
 * }</pre>
 */
public final class ContaminationCheck {
    /**
     * The longest n-gram: a paragraph already shares no 256-token run with anything but a copy of
     * itself, and a scan keeps a window of n tokens, so a mistyped huge n must not reach it.
     */
    public static final int MAX_N = 256;
    private final String suite;
    private final List<TaskText> tasks;
    private final NgramIndex index;
    private final Matches matches;
    private final double threshold;
    private final List<CorpusFile> corpus = new ArrayList<>();

    private ContaminationCheck(String suite, List<TaskText> tasks, int n, double threshold) {
        this.suite = suite;
        this.threshold = threshold;
        this.tasks = List.copyOf(tasks);
        this.index = new NgramIndex(this.tasks, n);
        this.matches = new Matches(index, this.tasks.size());
    }

    /**
     * A check of {@code tasks} for n-grams of {@code n} tokens.
     *
     * @param threshold the fraction of a text's n-grams the corpus must hold for its task to
     *                  overlap; 0 means any one n-gram
     * @throws InputException when {@code n} is not from 1 to {@value #MAX_N} or {@code threshold} is not from 0 to 1
     */
    public static ContaminationCheck of(String suite, List<TaskText> tasks, int n, double threshold) {
        if (n < 1 || n > MAX_N) {
            throw new InputException("--n must be from 1 to " + MAX_N + ", got " + n, "13 is the GPT-3 paper's choice;"
                    + " a longer n-gram is rarely shared by any two texts, and each scan keeps n tokens in memory");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InputException("--threshold must be from 0 to 1, got " + threshold,
                    "0 counts a task as overlapping when the corpus holds any one of its n-grams");
        }
        return new ContaminationCheck(suite, tasks, n, threshold);
    }

    /**
     * Checks that every corpus file exists and is a readable file, before any is scanned, so a typo
     * in the last of several large files is reported at once rather than after the others are read.
     *
     * @throws InputException naming the first file that is missing, a directory or unreadable
     */
    public static void requireReadable(List<Path> files) {
        files.forEach(CorpusScan::requireReadable);
    }

    /**
     * Streams one corpus file, plain text or gzip ({@code .gz}), in bounded memory.
     *
     * @param progress told the bytes read from disk so far, after every 64 KiB of text
     * @throws InputException when the file is missing or unreadable, or a {@code .gz} is not gzip
     */
    public CorpusFile scan(Path file, LongConsumer progress) {
        CorpusFile read = CorpusScan.scan(file, index, matches, progress);
        corpus.add(read);
        return read;
    }

    /** Each task judged on the files scanned so far. */
    public ContaminationReport report() {
        List<TaskOverlap> overlaps = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            FieldOverlap prompt = matches.of(t, NgramIndex.Field.PROMPT);
            FieldOverlap answer = matches.of(t, NgramIndex.Field.ANSWER);
            TaskOverlap.Status status = !prompt.checkable() && !answer.checkable() ? TaskOverlap.Status.NOT_CHECKABLE
                    : prompt.overlaps(threshold) || answer.overlaps(threshold) ? TaskOverlap.Status.OVERLAP
                    : TaskOverlap.Status.CLEAN;
            overlaps.add(new TaskOverlap(tasks.get(t).task(), status, prompt, answer));
        }
        return new ContaminationReport(suite, index.n(), threshold, List.copyOf(corpus), overlaps);
    }
}

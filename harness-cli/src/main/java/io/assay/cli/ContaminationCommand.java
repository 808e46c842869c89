package io.assay.cli;

import io.assay.launcher.Assay;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.trust.contamination.ContaminationCheck;
import io.assay.trust.contamination.ContaminationReport;
import io.assay.trust.contamination.TaskText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay contamination}: which tasks of a suite a text corpus already contains, by n-gram overlap. */
@Command(name = "contamination", mixinStandardHelpOptions = true,
        description = {"Measures how much of a suite's text a corpus holds (n-grams).",
                "Measures the n-gram overlap of a suite's prompts and reference answers with a text corpus.",
                "Text is normalised as in the GPT-3 paper's contamination analysis (lower case, split on everything but"
                        + " letters and digits) and each task's n-grams (13 tokens by default) are looked up in the corpus,"
                        + " which is streamed once per file (plain text or .gz) in bounded memory, so a training-data dump of"
                        + " many gigabytes works. Per task: matched/total n-grams of the prompt and of the answers, and where"
                        + " the first match is. Tasks shorter than n tokens are reported as not checkable, never as clean."
                        + " Verbatim overlap misses paraphrases (docs/trust.md)."},
        footer = {"", "Examples:",
                "  assay contamination examples/arithmetic --corpus examples/trust/corpus/web-sample.txt",
                "  assay contamination my-suite --corpus dump-00.txt.gz --corpus dump-01.txt.gz --format json --output overlap.json",
                "  assay contamination my-suite --corpus crawl.txt --n 8 --threshold 0.5",
                "",
                "Exit codes: 0 no task overlaps, 1 some task overlaps (listed), 2 bad usage or input (a missing corpus file,"
                        + " --n outside 1 to 256, an --output that cannot be written), checked before the corpus is read."})
final class ContaminationCommand implements Callable<Integer> {
    /** Files smaller than this are read without progress lines. */
    private static final long PROGRESS_FROM_BYTES = 16L << 20;
    private static final int PROGRESS_STEPS = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite directory.")
    Path suite;

    @Option(names = "--corpus", paramLabel = "FILE", arity = "1..*", required = true,
            description = "Corpus files, plain UTF-8 text or gzip (.gz). Repeatable.")
    List<Path> corpus = new ArrayList<>();

    @Option(names = "--n", paramLabel = "N", defaultValue = "13",
            description = "Tokens per n-gram, from 1 to 256 (default: ${DEFAULT-VALUE}, as the GPT-3 paper).")
    int n;

    @Option(names = "--threshold", paramLabel = "FRACTION", defaultValue = "0",
            description = "The fraction of a prompt's or answer's n-grams the corpus must hold for its task to overlap;"
                    + " 0 (the default) counts any one n-gram.")
    double threshold;

    @Option(names = "--split", paramLabel = "NAME", description = "Check one of the benchmark's published splits.")
    String split;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people) or json (for machines). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    enum Format { TEXT, JSON }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportOutput.requireWritable(output);
        ContaminationCheck.requireReadable(corpus);
        Suite loaded = shared.open().loadSuite(suite, split);
        List<TaskText> texts = loaded.tasks().stream()
                .map(task -> new TaskText(task.id(), task.prompt(), Assay.referenceAnswers(task))).toList();
        ContaminationCheck check = ContaminationCheck.of(loaded.id(), texts, n, threshold);
        for (Path file : corpus) {
            check.scan(file, progress(file, Files.size(file), err));
        }
        ContaminationReport report = check.report();
        String rendered = format == Format.JSON ? report.json() + "\n" : report.text();
        ReportOutput.write(spec, output, rendered);
        return report.overlapping().isEmpty() ? 0 : ErrorReporter.FAILURES;
    }

    /** Prints each tenth of a large file read (bytes on disk) to standard error. */
    private static LongConsumer progress(Path file, long total, PrintWriter err) {
        if (total < PROGRESS_FROM_BYTES) {
            return bytes -> { };
        }
        long[] shown = {0};
        return bytes -> {
            long step = bytes * PROGRESS_STEPS / total;
            if (step > shown[0]) {
                shown[0] = step;
                err.println(String.format(Locale.ROOT, "contamination: %s %,d of %,d MB read (%d%%)", file, bytes >> 20,
                        total >> 20, step * 100 / PROGRESS_STEPS));
                err.flush();
            }
        };
    }
}

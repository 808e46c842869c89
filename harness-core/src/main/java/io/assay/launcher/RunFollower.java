package io.assay.launcher;

import io.assay.core.results.SummaryCalculator;
import io.assay.core.run.RunDirectory;
import io.assay.core.run.TrialCodec;
import io.assay.spi.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run directory read as it grows, for a viewer that follows a live run: each {@link #poll} reads
 * only the complete trial lines appended since the last one, folds them into the summary and hands
 * each to the caller with its place in {@code trials.jsonl}, so that a trial can be read again
 * later ({@link #line}) without being kept in memory.
 *
 * <pre>{@code
 * RunFollower run = RunFollower.open(Path.of("runs/arithmetic-oracle-20261122-101500"));
 * run.poll(trial -> index.add(trial.offset(), trial.length(), trial.task()));
 * System.out.println(run.summary().score().mean() + " after " + run.summary().trials() + " trials");
 * }</pre>
 */
public final class RunFollower {
    private final RunDirectory directory;
    private final SummaryCalculator summary;
    private Manifest manifest;
    private RunDirectory.Position read = RunDirectory.Position.START;

    private RunFollower(RunDirectory directory) {
        this.directory = directory;
        this.manifest = directory.readManifest();
        this.summary = SummaryCalculator.forRun(manifest);
    }

    /**
     * Follows the run at {@code path}; nothing is read until the first {@link #poll}.
     *
     * @throws InputException when it is not a run directory, or one split into shards that are not
     *     combined into its {@code trials.jsonl} yet ({@link RunProgress#requireCombined})
     */
    public static RunFollower open(Path path) {
        RunDirectory directory = RunDirectory.open(path);
        RunProgress.requireCombined(path);
        return new RunFollower(directory);
    }

    /**
     * A trial line: where it is, and the figures the pages list; its transcript stays on disk ({@link #line}).
     *
     * @param offset where the line starts in {@code trials.jsonl}, in bytes
     * @param length its length in bytes, without the newline
     * @param score the trial's score, {@code NaN} when it is not scored (a harness or judge error)
     * @param metadata the task's metadata, as recorded with the trial
     */
    public record TrialLine(long offset, int length, String task, int epoch, Outcome outcome, double score,
                            boolean passed, Duration agentTime, Map<String, Object> metadata) {
    }

    /**
     * Reads the manifest again, and the trial lines appended since the last poll, handing each to
     * {@code consumer} in file order.
     *
     * @return whether the run's files still extend what was read before; {@code false} when
     *     {@code trials.jsonl} became shorter (replaced or edited), and a new follower must start over
     * @throws InputException naming the file and line of a corrupt trial line
     */
    public synchronized boolean poll(Consumer<TrialLine> consumer) {
        manifest = directory.readManifest();
        if (size() < read.offset()) {
            return false;
        }
        read = directory.readFrom(read, TrialCodec::figures, (start, length, trial) -> {
            summary.add(trial);
            consumer.accept(new TrialLine(start, length, trial.task(), trial.epoch(), trial.outcome(), trial.score(),
                    trial.passed(), trial.agentTime(), trial.metadata()));
        });
        return true;
    }

    /** The manifest as of the last poll. */
    public synchronized Manifest manifest() {
        return manifest;
    }

    /** The summary of every trial read so far. */
    public synchronized Summary summary() {
        return summary.summary();
    }

    /** The text of the trial line at {@code offset}, {@code length} bytes long, as a poll reported it. */
    public String line(long lineOffset, int length) {
        return directory.lineAt(lineOffset, length);
    }

    private long size() {
        try {
            return Files.exists(directory.trialsFile()) ? Files.size(directory.trialsFile()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory.trialsFile(), e);
        }
    }
}

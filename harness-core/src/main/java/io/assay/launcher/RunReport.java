package io.assay.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.assay.core.json.Json;
import io.assay.core.run.RunDirectory;
import io.assay.spi.TrialRecord;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a run directory holds, for {@code assay report}: its manifest, and the summary recomputed
 * from its {@code trials.jsonl}, so an interrupted or crashed run reports too.
 *
 * <pre>{@code
 * RunReport report = RunReport.of(Path.of("runs/arithmetic-oracle-20261122-101500"));
 * System.out.println(report.summaryJson());
 * }</pre>
 *
 * @param directory the run directory
 * @param manifest the run's manifest
 * @param summary every trial recorded so far, summarised
 */
public record RunReport(Path directory, Manifest manifest, Summary summary) {

    /**
     * Reads the run directory at {@code path}; no plugin is needed.
     *
     * @throws InputException when it is not a run directory, or a trial line is corrupt
     */
    public static RunReport of(Path path) {
        RunDirectory directory = RunDirectory.open(path);
        return new RunReport(path, directory.readManifest(), directory.summarize());
    }

    /**
     * A completed run as its {@code summary.json} records it, without reading its trials again:
     * for the command that waited while other processes ran and combined it (the shards of
     * {@code --executor slurm}). Recomputed like {@link #of} when there is no summary, or it does
     * not read (written by another Assay version, say).
     *
     * @throws InputException when it is not a run directory, or a trial line is corrupt
     */
    public static RunReport completed(Path path) {
        RunDirectory directory = RunDirectory.open(path);
        Manifest manifest = directory.readManifest();
        return new RunReport(path, manifest, directory.readSummary().orElseGet(directory::summarize));
    }

    /**
     * The manifest of the run directory at {@code path} alone, without reading its trials: what a
     * run claims to be even when a trial line is corrupt.
     *
     * <pre>{@code
     * Manifest manifest = RunReport.manifestOf(Path.of("runs/arith-oracle"));
     * }</pre>
     *
     * @throws InputException when it is not a run directory or its manifest does not read
     */
    public static Manifest manifestOf(Path path) {
        return RunDirectory.open(path).readManifest();
    }

    /** Every trial recorded so far, in file order, read one line at a time (a run may hold 100,000). */
    public void forEachTrial(Consumer<TrialRecord> consumer) {
        RunDirectory.open(directory).forEachTrial(trial -> consumer.accept(trial.record()));
    }

    /** The summary as {@code summary.json} holds it, indented. */
    public String summaryJson() {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the summary as JSON", e);
        }
    }
}

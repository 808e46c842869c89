package io.assay.launcher;

import io.assay.core.run.Run;
import java.nio.file.Path;

/**
 * A run whose input was checked and whose directory was laid out, ready to execute: from
 * {@link Assay#start} or {@link Assay#resume}. A shard of a run holds its shard's lock from here
 * until {@link #execute} returns; {@link #close} releases it for a run prepared but not executed.
 *
 * <pre>{@code
 * PreparedRun run = assay.start(settings);
 * Runtime.getRuntime().addShutdownHook(new Thread(run::stop));
 * RunResult result = run.execute(ProgressListener.NONE);
 * }</pre>
 */
public final class PreparedRun implements AutoCloseable {
    private final Run run;

    PreparedRun(Run run) {
        this.run = run;
    }

    /** The manifest as written when the run was prepared, status {@code running}. */
    public Manifest manifest() {
        return run.manifest();
    }

    public Path directory() {
        return run.directory().path();
    }

    /**
     * Runs every pending trial and writes the summary. Returns early, status interrupted, after
     * {@link #stop}; status aborted when trials keep failing; status failed, with no trial run,
     * when the environment cannot start.
     */
    public RunResult execute(ProgressListener progress) throws Exception {
        return run.execute(progress);
    }

    /** Releases what the prepared run holds (a shard's lock), as {@link #execute} does when it ends; any number of times. */
    @Override
    public void close() {
        run.release();
    }

    /**
     * Stops handing out trials, interrupts those in flight and drops their results, leaving a
     * resumable run directory. Safe to call from any thread, any number of times.
     */
    public void stop() {
        run.stop();
    }
}

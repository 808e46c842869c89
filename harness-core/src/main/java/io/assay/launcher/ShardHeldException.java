package io.assay.launcher;

/**
 * A shard of a run is held by another process (or another run in this one), which is running it:
 * starting it here is refused. The Slurm executor's array tasks catch it to leave a shard another
 * task has taken to that task; anyone else gets it as bad input.
 *
 * <pre>{@code
 * try {
 *     assay.start(settings);              // settings.shard() == 1/4, which another process runs
 * } catch (ShardHeldException running) {
 *     // leave shard 1/4 to it
 * }
 * }</pre>
 */
public final class ShardHeldException extends InputException {
    public ShardHeldException(String message, String hint) {
        super(message, hint);
    }
}

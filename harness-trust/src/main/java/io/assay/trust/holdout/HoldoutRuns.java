package io.assay.trust.holdout;

import io.assay.launcher.InputException;
import io.assay.rank.RunTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A split as runs are checked against it: a run belongs to the public part when its manifest
 * records the public part's content hash (from {@code commitment.json}), to the private part when
 * it records the private part's (from the private salts file, so comparing needs the private part).
 *
 * <pre>{@code
 * HoldoutRuns split = HoldoutRuns.read(Path.of("split"));
 * HoldoutGap gap = split.gap(RunTasks.read(publicRun), RunTasks.read(privateRun));
 * }</pre>
 */
public record HoldoutRuns(Path directory, Commitment commitment, String privateContentHash) {

    /** Which part of the split a run graded. */
    public enum Side { PUBLIC, PRIVATE }

    /** Reads the split in {@code directory}: its commitment and its private part's content hash. */
    public static HoldoutRuns read(Path directory) throws IOException {
        Commitment commitment = Commitment.read(directory.resolve(Commitment.FILE));
        PrivateSalts salts = PrivateSalts.read(directory.resolve(HoldoutSplit.PRIVATE).resolve(PrivateSalts.FILE));
        return new HoldoutRuns(directory, commitment, salts.contentHash());
    }

    /** The suite as {@code id@version}. */
    public String suite() {
        return commitment.suiteId() + "@" + commitment.suiteVersion();
    }

    /** @throws InputException naming the run, its suite and both parts' hashes when it graded neither part */
    public Side sideOf(RunTasks run) {
        String hash = run.manifest().suite().contentHash();
        if (commitment.publicContentHash().equals(hash)) {
            return Side.PUBLIC;
        }
        if (privateContentHash.equals(hash)) {
            return Side.PRIVATE;
        }
        throw new InputException(run.directory() + " graded " + run.suiteLabel() + ", neither part of the holdout split in "
                + directory + " (public " + commitment.publicContentHash() + ", private " + privateContentHash + ")",
                "run the agent on " + directory.resolve(HoldoutSplit.PUBLIC) + " and "
                        + directory.resolve(HoldoutSplit.PRIVATE));
    }

    /**
     * The gap of one agent between its public and its private run.
     *
     * @throws InputException when the runs are not of this split's public and private parts, in that
     *     order, or are of different agents or models
     */
    public HoldoutGap gap(RunTasks publicRun, RunTasks privateRun) {
        require(publicRun, Side.PUBLIC, "first");
        require(privateRun, Side.PRIVATE, "second");
        if (!entry(publicRun).equals(entry(privateRun))) {
            throw new InputException(publicRun.directory() + " ran " + entry(publicRun) + " but " + privateRun.directory()
                    + " ran " + entry(privateRun) + "; a holdout gap compares one agent with itself",
                    "give the public and the private run of the same agent and model");
        }
        return HoldoutGap.of(publicRun, privateRun);
    }

    /** An agent as a leaderboard entry names it: {@code agent}, or {@code agent (model)}. */
    static String entry(RunTasks run) {
        String agent = run.manifest().agent().name();
        return run.model() == null ? agent : agent + " (" + run.model() + ")";
    }

    private void require(RunTasks run, Side side, String position) {
        Side actual = sideOf(run);
        if (actual != side) {
            throw new InputException(run.directory() + " graded the " + actual.name().toLowerCase(Locale.ROOT) + " part of "
                    + directory + "; the " + position + " run must be the " + side.name().toLowerCase(Locale.ROOT) + " one",
                    "assay compare PUBLIC_RUN PRIVATE_RUN --holdout " + directory);
        }
    }
}

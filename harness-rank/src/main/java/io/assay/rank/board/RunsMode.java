package io.assay.rank.board;

/**
 * What a board does with several runs of one entry. Whatever the mode, each row says how many runs
 * were submitted for its entry, so a best-of-N pick among private variants shows (the arena problem
 * of reporting only the luckiest run).
 */
public enum RunsMode {
    /** The earliest started run of each entry: a choice the submitter cannot make after seeing scores. */
    FIRST,
    /** Per task, the mean of the runs' task means; the interval is over tasks, as for one run. */
    MEAN,
    /** One row per run, each ranked on its own. */
    ALL
}

package io.assay.rank.board;

import io.assay.launcher.ScoreStatistics;
import java.math.BigDecimal;

/**
 * One row of a leaderboard: an entry (an agent with its model option), or one run of it under
 * {@link RunsMode#ALL}.
 *
 * @param model the agent's {@code model} option, {@code null} when it has none
 * @param run the run directory's name under {@link RunsMode#ALL}, else {@code null}
 * @param runs how many runs were submitted for this entry, whichever were used
 * @param tasks the tasks with a scored trial, the unit of the interval
 * @param score mean of per-task means with its Student-t 95% interval
 * @param rank the CI-aware rank, {@code null} until ranked or when there is no score
 * @param trials recorded trials, harness errors included
 * @param errors trials that ended in a harness or judge error
 * @param costUsd what the run's model calls cost (the mean per run under {@link RunsMode#MEAN}),
 *                {@code null} when unknown: no usage recorded, an unpriced call, or a segment board
 */
public record BoardRow(String agent, String model, String run, int runs, int tasks, ScoreStatistics score, Integer rank,
                       long trials, long errors, BigDecimal costUsd) {

    /** Below this many scored trials, a mean of mostly pass/fail scores is far from the normal its interval assumes. */
    static final int MIN_SCORED_TRIALS = 30;
    /** Below this many tasks, the t interval (tasks - 1 degrees of freedom) is too wide to separate entries. */
    static final int MIN_TASKS = 10;

    /** Errors per recorded trial, {@code null} with no trial. */
    public Double errorRate() {
        return trials == 0 ? null : (double) errors / trials;
    }

    /** Whether this row has too few trials or tasks for its interval to be trusted. */
    public boolean belowMinimum() {
        return trials - errors < MIN_SCORED_TRIALS || tasks < MIN_TASKS;
    }

    /** The entry's name as a board prints it: {@code agent}, or {@code agent (model)}. */
    public String label() {
        return agent + (model == null ? "" : " (" + model + ")") + (run == null ? "" : " " + run);
    }

    BoardRow withRank(Integer rank) {
        return new BoardRow(agent, model, run, runs, tasks, score, rank, trials, errors, costUsd);
    }
}

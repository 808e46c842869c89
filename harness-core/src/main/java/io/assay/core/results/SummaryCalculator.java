package io.assay.core.results;

import io.assay.core.run.TrialCodec;
import io.assay.launcher.Manifest;
import io.assay.launcher.ScoreStatistics;
import io.assay.launcher.Summary;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import io.assay.spi.TrialRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds trial records, one at a time, into a {@link Summary}. Memory grows with the number of
 * tasks, not trials, so a 100,000-trial run summarises in a small heap. The summary does not
 * depend on the order trials are added in, to the last bit (its sums are exact: {@link ExactSum}):
 * one process adds them as they finish, a sharded run's combination shard by shard.
 */
public final class SummaryCalculator {
    private final String suite;
    private final String agent;
    private final long expectedTrials;
    private final Map<String, Double> baselines;
    // Package-private for SummaryState, which writes and reads them.
    final Map<String, TaskTally> tallies = new HashMap<>();
    final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    final ModelUsage usage = new ModelUsage();
    long trials;
    long errors;

    /** @param baselines trivial-agent scores to report beside the agent's, or {@code null} */
    public SummaryCalculator(String suite, String agent, long expectedTrials, Map<String, Double> baselines) {
        this.suite = suite;
        this.agent = agent;
        this.expectedTrials = expectedTrials;
        this.baselines = baselines;
    }

    /** An empty summary for a run, to fold its trials into: its tasks x epochs are expected. */
    public static SummaryCalculator forRun(Manifest manifest) {
        return new SummaryCalculator(manifest.suite().id(), manifest.agent().name(),
                (long) manifest.suite().evaluated() * manifest.settings().epochs(), manifest.baselines());
    }

    /**
     * Adds one trial.
     *
     * @param modelCalls the trial's model calls, as {@link ModelUsage#callsOf} reads them
     * @param metadata the task's metadata; scalar values become segments, nested values are ignored
     */
    public void add(TrialRecord record, List<ModelCall> modelCalls, Map<String, Object> metadata) {
        add(new TrialCodec.Figures(record.task(), record.epoch(), record.outcome(), record.score(), record.passed(),
                record.agentTime(), metadata, modelCalls));
    }

    /** Adds one trial, as its line's figures give it. */
    public void add(TrialCodec.Figures trial) {
        trials++;
        outcomes.merge(trial.outcome(), 1L, Long::sum);
        usage.add(trial.modelCalls());
        TaskTally tally = tallies.computeIfAbsent(trial.task(), id -> new TaskTally(segmentsOf(trial.metadata())));
        if (!trial.outcome().scored()) {
            errors++;
            tally.errors++;
            return;
        }
        tally.graded(trial.score(), trial.passed());
    }

    /**
     * Adds the trials another calculator folded, as if each had been added here: a shard's, read
     * back with {@link SummaryState#read}, to the run's.
     */
    public void addAll(SummaryCalculator other) {
        trials += other.trials;
        errors += other.errors;
        other.outcomes.forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
        usage.addAll(other.usage);
        other.tallies.forEach((task, tally) -> tallies.computeIfAbsent(task, id -> new TaskTally(tally.segments))
                .merge(tally.graded, tally.passed, tally.errors, tally.scoreTerms()));
    }

    /**
     * The figures of the trials added so far. Every sum in them, across tasks as within each
     * ({@link TaskTally}), is exact ({@link ExactSum}), so they do not depend on the order the
     * trials were added in.
     */
    public Summary summary() {
        Figures all = Figures.of(tallies.values());
        Map<String, Map<String, List<TaskTally>>> grouped = new TreeMap<>();
        for (TaskTally tally : tallies.values()) {
            for (Map.Entry<String, String> segment : tally.segments) {
                grouped.computeIfAbsent(segment.getKey(), k -> new TreeMap<>())
                        .computeIfAbsent(segment.getValue(), v -> new ArrayList<>())
                        .add(tally);
            }
        }
        Map<String, Map<String, Summary.Segment>> segments = new TreeMap<>();
        grouped.forEach((key, values) -> {
            Map<String, Summary.Segment> byValue = new TreeMap<>();
            values.forEach((value, group) -> byValue.put(value, Figures.of(group).segment(group.size())));
            segments.put(key, byValue);
        });
        Map<String, Long> outcomeCounts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomeCounts.put(outcome.name().toLowerCase(Locale.ROOT), outcomes.getOrDefault(outcome, 0L));
        }
        return new Summary(suite, agent, trials, errors, outcomeCounts, expectedTrials, all.passRate,
                all.score, all.passAtK, all.passHatK, segments, baselines, usage.summary());
    }

    /** How many trials were added so far. */
    public long trials() {
        return trials;
    }

    /** The model calls folded so far, for a budget. */
    public ModelUsage usage() {
        return usage;
    }

    private static List<Map.Entry<String, String>> segmentsOf(Map<String, Object> metadata) {
        List<Map.Entry<String, String>> segments = new ArrayList<>();
        metadata.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                segments.add(Map.entry(key, String.valueOf(value)));
            }
        });
        return List.copyOf(segments);
    }

    /** The figures of a group of tasks. */
    private record Figures(long trials, long errors, Double passRate, ScoreStatistics score,
                           Map<String, Double> passAtK, Map<String, Double> passHatK) {

        static Figures of(Collection<TaskTally> group) {
            long graded = 0;
            long passed = 0;
            long errors = 0;
            int scoredTasks = 0;
            ExactSum sum = new ExactSum();
            ExactSum sumOfSquares = new ExactSum();
            int maxSamples = 0;
            for (TaskTally tally : group) {
                graded += tally.graded;
                passed += tally.passed;
                errors += tally.errors;
                if (tally.graded > 0) {
                    scoredTasks++;
                    double mean = tally.meanScore();
                    sum.add(mean);
                    sumOfSquares.add(mean * mean);
                    maxSamples = Math.max(maxSamples, tally.graded);
                }
            }
            ScoreStatistics score = MeanInterval.of(scoredTasks, sum.value(), sumOfSquares.value(), 0.0, 1.0);
            if (graded == 0) {
                return new Figures(errors, errors, null, score, null, null); // nothing scored: no figures, not zeros
            }
            Map<String, Double> passAtK = new LinkedHashMap<>();
            Map<String, Double> passHatK = new LinkedHashMap<>();
            for (int k = 1; k <= maxSamples; k++) {
                ExactSum at = new ExactSum();
                ExactSum hat = new ExactSum();
                int counted = 0;
                for (TaskTally tally : group) {
                    if (tally.graded >= k) {
                        at.add(PassAtK.passAtK(tally.graded, tally.passed, k));
                        hat.add(PassAtK.passHatK(tally.graded, tally.passed, k));
                        counted++;
                    }
                }
                passAtK.put(Integer.toString(k), at.value() / counted);
                passHatK.put(Integer.toString(k), hat.value() / counted);
            }
            return new Figures(graded + errors, errors, (double) passed / graded, score, passAtK, passHatK);
        }

        Summary.Segment segment(int tasks) {
            return new Summary.Segment(trials, errors, tasks, passRate, score, passAtK, passHatK);
        }
    }
}

package io.assay.rank.compare;

import io.assay.kit.TaskIds;
import io.assay.rank.RunTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run B against run A on the same suite version, task by task ({@code assay compare}, and the
 * viewer's compare page). Only tasks both runs scored are paired; the others are counted, never
 * guessed at: a task only one run attempted says nothing about the difference.
 *
 * <pre>{@code
 * RunComparison c = RunComparison.of(RunTasks.read(Path.of("runs/a")), RunTasks.read(Path.of("runs/b")));
 * c.overall().difference().mean(); // mean of b - a over the paired tasks
 * c.overall().bOnly();             // tasks B passes and A does not
 * }</pre>
 *
 * @param pairs the tasks both runs scored, in task order
 * @param onlyInA tasks with trials in A and none in B, excluded
 * @param onlyInB tasks with trials in B and none in A, excluded
 * @param unscored tasks in both runs that one of them never scored (only errors), excluded
 * @param overall the figures over every paired task
 * @param segments the same figures per scalar metadata value, ordered by key then value
 */
public record RunComparison(RunTasks a, RunTasks b, List<PairedTask> pairs, int onlyInA, int onlyInB, int unscored, PairedFigures overall,
        List<Segment> segments) {

    /** Below this many tasks a segment's interval is wide and its tests weak: the formats say so. */
    public static final int FEW_TASKS = 10;

    /**
     * The paired tasks that share one metadata value, e.g. {@code difficulty=hard}.
     *
     * @param value the value as text (numbers and booleans as JSON writes them)
     */
    public record Segment(String key, String value, PairedFigures figures) {

        /** Whether this segment has too few tasks to read much into. */
        public boolean fewTasks() {
            return figures.tasks() < FEW_TASKS;
        }
    }

    /**
     * Pairs {@code b} with {@code a}.
     *
     * @throws io.assay.launcher.InputException naming both runs when they graded different suites
     */
    public static RunComparison of(RunTasks a, RunTasks b) {
        a.requireSameSuite(b);
        List<String> common = new ArrayList<>(a.tasks().keySet());
        common.retainAll(b.tasks().keySet());
        common.sort(TaskIds.ORDER);
        List<PairedTask> pairs = new ArrayList<>();
        for (String task : common) {
            RunTasks.TaskResult resultA = a.tasks().get(task);
            RunTasks.TaskResult resultB = b.tasks().get(task);
            if (resultA.scored() > 0 && resultB.scored() > 0) {
                pairs.add(new PairedTask(task, resultA, resultB));
            }
        }
        return new RunComparison(a, b, List.copyOf(pairs), a.tasks().size() - common.size(), b.tasks().size() - common.size(),
                common.size() - pairs.size(), PairedFigures.of(pairs), segments(pairs));
    }

    private static List<Segment> segments(List<PairedTask> pairs) {
        Map<String, Map<String, List<PairedTask>>> byKeyAndValue = new TreeMap<>();
        for (PairedTask pair : pairs) {
            pair.metadata().forEach((key, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    byKeyAndValue.computeIfAbsent(key, k -> new TreeMap<>())
                            .computeIfAbsent(String.valueOf(value), v -> new ArrayList<>()).add(pair);
                }
            });
        }
        List<Segment> segments = new ArrayList<>();
        byKeyAndValue.forEach((key, values) -> values.forEach((value, tasks) ->
                segments.add(new Segment(key, value, PairedFigures.of(tasks)))));
        return segments;
    }
}

package io.assay.rank.board;

import io.assay.launcher.ModelUsageSummary;
import io.assay.launcher.ScoreStatistics;
import io.assay.rank.RunTasks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a board ranks: one agent with one {@code model} option, and the runs submitted for it,
 * earliest started first. Other agent options do not split an entry, so variants of a prompt or
 * setting count as runs of the same entry and the board says how many there were.
 */
record Entry(String agent, String model, List<RunTasks> runs) {

    /** The runs grouped by agent and model, in the order each entry first appears. */
    static List<Entry> group(List<RunTasks> runs) {
        Map<List<String>, List<RunTasks>> byEntry = new LinkedHashMap<>();
        for (RunTasks run : runs) {
            byEntry.computeIfAbsent(Arrays.asList(run.manifest().agent().name(), run.model()),
                    key -> new ArrayList<>()).add(run);
        }
        return byEntry.entrySet().stream().map(e -> new Entry(e.getKey().get(0), e.getKey().get(1),
                e.getValue().stream().sorted(Comparator.comparing(run -> run.manifest().started())).toList())).toList();
    }

    /**
     * This entry's rows on a board of the tasks {@code included} lets in.
     *
     * @param wholeRun whether the board covers every task, so the runs' cost belongs to it
     */
    List<BoardRow> rows(RunsMode mode, Predicate<RunTasks.TaskResult> included, boolean wholeRun) {
        return switch (mode) {
            case FIRST -> List.of(row(List.of(runs.getFirst()), null, included, wholeRun));
            case MEAN -> List.of(row(runs, null, included, wholeRun));
            case ALL -> runs.stream().map(run -> row(List.of(run), run.directory().getFileName().toString(), included,
                    wholeRun)).toList();
        };
    }

    private BoardRow row(List<RunTasks> used, String runName, Predicate<RunTasks.TaskResult> included, boolean wholeRun) {
        Map<String, List<Double>> taskMeans = new LinkedHashMap<>();
        long trials = 0;
        long errors = 0;
        for (RunTasks run : used) {
            for (RunTasks.TaskResult task : run.tasks().values()) {
                if (!included.test(task)) {
                    continue;
                }
                trials += task.trials();
                errors += task.trials() - task.scored();
                if (task.meanScore() != null) {
                    taskMeans.computeIfAbsent(task.task(), id -> new ArrayList<>()).add(task.meanScore());
                }
            }
        }
        List<Double> perTask = taskMeans.values().stream()
                .map(means -> means.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList();
        return new BoardRow(agent, model, runName, runs.size(), perTask.size(), ScoreStatistics.of(perTask), null,
                trials, errors, wholeRun ? meanCost(used) : null);
    }

    /** The mean cost per run, or {@code null} when any run's cost is unknown. */
    private static BigDecimal meanCost(List<RunTasks> used) {
        List<BigDecimal> costs = used.stream().map(run -> cost(run.summary().usage())).toList();
        if (costs.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(costs.size()), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** A run's cost, unknown without usage or with an unpriced call: never a 0 that reads as free. */
    private static BigDecimal cost(ModelUsageSummary usage) {
        return usage == null || usage.costUsd() == null || usage.unpricedCalls() > 0 ? null : usage.costUsd();
    }
}

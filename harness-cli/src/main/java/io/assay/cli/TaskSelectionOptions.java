package io.assay.cli;

import io.assay.launcher.TaskSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --split}, {@code --task}, {@code --filter}, {@code --sample} and {@code --limit}, as {@code run} and {@code audit} take them. */
final class TaskSelectionOptions {
    /** The flags, for commands that must refuse them (a resumed run keeps its recorded selection). */
    static final List<String> NAMES = List.of("--split", "--task", "--filter", "--sample", "--limit");

    @Option(names = "--split", paramLabel = "NAME",
            description = "Only the tasks of the benchmark's split NAME, for a suite that publishes splits"
                    + " (tau2-bench: train, test, base).")
    String split;

    @Option(names = "--task", paramLabel = "ID",
            description = "Only tasks whose id matches; * and ? are wildcards (--task 'money-*'). Repeatable: any may match.")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Only tasks whose metadata KEY equals VALUE. Repeatable: every key must match; values of one key are alternatives.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N", description = "Only N tasks, drawn at random with --seed (after --task and --filter).")
    Integer sample;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N tasks in suite order (after the other selections).")
    Integer limit;

    TaskSelection selection() {
        return TaskSelection.parse(tasks, filters, sample, limit).withSplit(split);
    }
}

package io.assay.tau.suite;

import io.assay.kit.ContentHash;
import io.assay.kit.Problems;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import io.assay.tau.TauVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a tau-bench or tau2-bench domain folder as published, unchanged: {@code assay run
 * tau-bench/tau2/airline}. The suite runs in the {@code tau} environment on the folder's database
 * and policy, and each task is graded on its own reward basis ({@link TauRewards}).
 *
 * <pre>{@code
 * ./assay run ../shared/benchmarks/tau-bench/tau2/retail --split test --agent react --model openai/gpt-4o
 * }</pre>
 */
public final class TauSuiteLoader implements SuiteLoader {

    @Override
    public String name() {
        return "tau-bench";
    }

    @Override
    public String description() {
        return "a tau-bench (tasks_test.py) or tau2-bench (tasks.json, policy.md) domain folder as published";
    }

    @Override
    public boolean accepts(Path directory) {
        return TauFolder.accepts(directory);
    }

    @Override
    public Suite load(Path directory, Context context) throws IOException {
        Problems problems = new Problems();
        Optional<String> split = context.split();
        List<Task> tasks;
        TauFolder folder;
        if (TauFolder.accepts(directory) && directory.resolve(TauFolder.TAU2_TASKS).toFile().isFile()) {
            Tau2TaskFile file = Tau2TaskFile.read(directory.resolve(TauFolder.TAU2_TASKS));
            folder = TauFolder.of(directory, file.domain());
            tasks = file.tasks(split, problems);
        } else {
            folder = TauFolder.of(directory, null);
            if (split.isPresent()) {
                throw TauFolder.invalid(folder.tasks(), "--split " + split.get() + ": tau-bench publishes one task"
                        + " list per file (this is " + TauFolder.TAU1_TASKS + "); splits are tau2-bench's");
            }
            tasks = Tau1TaskFile.read(folder.tasks(), problems);
        }
        validateRewards(tasks, folder, context, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.byLine());
        }
        Options environment = environment(folder);
        context.validateEnvironment(environment);
        String benchmark = folder.version() == TauVersion.TAU2 ? "tau2-bench" : "tau-bench";
        return new Suite(benchmark + "-" + folder.domain(),
                folder.upstreamCommit().isEmpty() ? "" : benchmark + "@" + folder.upstreamCommit(),
                benchmark + "'s " + folder.domain() + " domain, as published",
                "whether an agent serves simulated " + folder.domain() + " customers by the domain's policy,"
                        + " judged by the database it leaves and what it tells them",
                null, environment, TauRewards.of(List.of("DB"), List.of()), tasks, directory,
                ContentHash.of(directory.toAbsolutePath().normalize(), folder.files().stream()
                        .map(file -> file.toAbsolutePath().normalize()).toList()));
    }

    /** Each distinct reward once: the tasks of a domain share a handful of shapes. */
    private static void validateRewards(List<Task> tasks, TauFolder folder, Context context, Problems problems) {
        Set<Map<String, Object>> seen = new HashSet<>();
        for (Task task : tasks) {
            if (task.reward() != null && seen.add(task.reward().values())) {
                try {
                    context.validateReward(task.reward());
                } catch (InvalidOptionException e) {
                    problems.add(folder.tasks(), 0, "task " + task.id(), "reward " + e.field() + ": " + e.expected());
                }
            }
        }
    }

    private static Options environment(TauFolder folder) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("type", "tau");
        environment.put("domain", folder.domain());
        environment.put("version", folder.version().name().toLowerCase(java.util.Locale.ROOT));
        environment.put("data", folder.data().toAbsolutePath().normalize().toString());
        environment.put("policy", folder.policy().toAbsolutePath().normalize().toString());
        return Options.of(environment);
    }
}

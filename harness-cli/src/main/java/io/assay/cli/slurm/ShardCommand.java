package io.assay.cli.slurm;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command every array task runs: this very Assay (the same Java, JVM flags, jar or class path,
 * and so the same bundled plugins beside it; the JIT's C1 alone unless those flags say otherwise)
 * running {@code assay run} with the user's run flags, the shared run directory, and
 * {@code --shard TASK/N} added by the batch script. The run directory
 * and any relative path in the flags are read on the compute node from the submitting directory,
 * which a Slurm cluster shares.
 *
 * <pre>{@code
 * ShardCommand command = ShardCommand.of(List.of("run", "examples/arithmetic", "--agent", "oracle",
 *         "--executor", "slurm", "--shards", "4"), Path.of("/shared/runs/a"));
 * command.arguments(); // [/usr/lib/jvm/.../java, -XX:TieredStopAtLevel=1, ..., -cp, .../assay.jar, io.assay.cli.AssayCommand, run,
 *                      //  examples/arithmetic, --agent, oracle, --out, /shared/runs/a, --progress, lines, --prepared-tasks,
 *                      //  --then-unstarted-shards]
 * }</pre>
 *
 * @param arguments the program and its arguments, without {@code --shard}
 */
record ShardCommand(List<String> arguments) {
    /** Flags of the submitting command that a shard must not get, each with whether it takes a value. */
    private static final Set<String> VALUED = Set.of("--executor", "--shards", "--slurm-option", "--out", "--progress");
    private static final Set<String> SWITCHES = Set.of("--detach");
    private static final String MAIN_CLASS = "io.assay.cli.AssayCommand";
    /**
     * The tasks' JIT: C1 alone. Every task is a JVM of its own that compiles the same code again,
     * and C2's compilations were the largest part of a short shard's CPU (1.0-1.2 of 2.7-3.1 CPU-s
     * for 25,000 trials); the harness's own work in a trial is microseconds beside a model call or a
     * sandbox, which is what a shard's trials are. Before the submitting JVM's flags, so that a
     * {@code -XX:TieredStopAtLevel=4} there (ASSAY_JAVA_OPTS) gives the tasks C2 back.
     */
    static final String TASK_JIT = "-XX:TieredStopAtLevel=1";

    ShardCommand {
        arguments = List.copyOf(arguments);
    }

    /**
     * The shard command for a submitting command line.
     *
     * @param submitted the submitting command's arguments as typed, from {@code run} on
     * @param runDirectory the absolute run directory every shard shares
     */
    static ShardCommand of(List<String> submitted, Path runDirectory) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add(TASK_JIT);
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The submitting terminal is not the task's: its log file decides for itself.
            if (!flag.startsWith("-Dassay.stderr.tty=")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        command.addAll(runArguments(submitted));
        // The submitting command checked the suite and wrote each shard its tasks just before; a task
        // done with its shard goes on with those whose tasks still wait for a CPU (ShardClaims).
        command.addAll(List.of("--out", runDirectory.toString(), "--progress", "lines", "--prepared-tasks", "--then-unstarted-shards"));
        return new ShardCommand(command);
    }

    /** The submitted {@code run} arguments without the flags that only the submitting command reads. */
    static List<String> runArguments(List<String> submitted) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < submitted.size(); i++) {
            String argument = submitted.get(i);
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (VALUED.contains(name)) {
                if (!argument.contains("=")) {
                    i++;
                }
            } else if (!SWITCHES.contains(argument)) {
                kept.add(argument);
            }
        }
        return kept;
    }
}

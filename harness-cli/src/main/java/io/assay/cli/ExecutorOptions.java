package io.assay.cli;

import io.assay.launcher.InputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where {@code assay run} runs its trials: here (the default), or on a Slurm cluster as a job array
 * of {@code --shards} tasks ({@link io.assay.cli.slurm.SlurmRun}).
 *
 * <pre>{@code
 * assay run examples/arithmetic --agent oracle --out /shared/runs/a --executor slurm --shards 4 --slurm-option=--time=30
 * }</pre>
 */
final class ExecutorOptions {

    /** Where the trials run. */
    enum Executor { LOCAL, SLURM }

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "local",
            description = "local (this process, the default) or slurm: one sbatch job array of --shards tasks, each running"
                    + " one shard (--shard I/N) in the shared run directory --out; waits, resubmits failed shards, combines.")
    Executor executor;

    @Option(names = "--shards", paramLabel = "N", description = "With --executor slurm: how many shards (array tasks) to split the run into.")
    Integer shards;

    @Option(names = "--slurm-option", paramLabel = "ARG",
            description = "With --executor slurm: one more sbatch argument, e.g. --slurm-option=--time=60. Repeatable.")
    List<String> slurmOptions = new ArrayList<>();

    @Option(names = "--detach", description = "With --executor slurm: return once the job array is submitted; `assay status RUN_DIR` follows it.")
    boolean detach;

    boolean slurm() {
        return executor == Executor.SLURM;
    }

    /** Refuses flags that mean nothing together: those of Slurm without it, and a shard count below 1. */
    void check(boolean shard, boolean resume) {
        if (!slurm()) {
            List<String> slurmOnly = new ArrayList<>();
            if (shards != null) {
                slurmOnly.add("--shards");
            }
            if (!slurmOptions.isEmpty()) {
                slurmOnly.add("--slurm-option");
            }
            if (detach) {
                slurmOnly.add("--detach");
            }
            if (!slurmOnly.isEmpty()) {
                throw new InputException(String.join(", ", slurmOnly) + (slurmOnly.size() == 1 ? " only applies" : " only apply")
                        + " with --executor slurm",
                        "assay run SUITE --agent NAME --out DIR --executor slurm --shards 4; or --shard I/N to run one shard here");
            }
            return;
        }
        if (shards == null) {
            throw new InputException("--executor slurm needs --shards N: how many array tasks to split the run into",
                    "for example --shards 4");
        }
        if (shards < 1) {
            throw new InputException("--shards must be at least 1, got " + shards, "for example --shards 4");
        }
        if (shard) {
            throw new InputException("--shard I/N runs one shard here; --executor slurm submits all of them",
                    "drop --shard: the job array passes --shard to each of its tasks");
        }
        if (resume) {
            throw new InputException("--resume does not apply with --executor slurm",
                    "submit the same command again: only the unfinished shards run, and they keep their finished trials");
        }
        for (String option : slurmOptions) {
            for (OwnSbatchOption own : OWN_SBATCH_OPTIONS) {
                if (own.matches(option)) {
                    throw new InputException("--slurm-option=" + option + ": Assay sets sbatch's " + own.flags().getFirst()
                            + " itself: " + own.why(), "drop that --slurm-option; the others are passed to sbatch as given");
                }
            }
        }
    }

    /** An sbatch option Assay sets on every submission, which a --slurm-option given after it would override. */
    private record OwnSbatchOption(List<String> flags, String why) {
        /** {@code --name}, {@code --name=VALUE}, {@code -x} or {@code -xVALUE}. */
        boolean matches(String option) {
            return flags.stream().anyMatch(flag -> option.equals(flag) || option.startsWith(flag.startsWith("--") ? flag + "=" : flag));
        }
    }

    private static final List<OwnSbatchOption> OWN_SBATCH_OPTIONS = List.of(
            new OwnSbatchOption(List.of("--array", "-a"), "the array is the shards still to run"),
            new OwnSbatchOption(List.of("--output", "-o"), "each task logs to RUN/slurm/shard-I.JOB.log, which a failing shard's message names"),
            new OwnSbatchOption(List.of("--comment"), "it tags the run's jobs, so a second submission finds one still running"),
            new OwnSbatchOption(List.of("--chdir", "-D"), "relative paths in the command are read from the submitting directory"),
            new OwnSbatchOption(List.of("--requeue"), "a task that ended is submitted again by the command, not by Slurm, so no shard runs twice"));
}

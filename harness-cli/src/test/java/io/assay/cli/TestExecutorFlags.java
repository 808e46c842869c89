package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags of {@code assay run --executor} that mean nothing together: one line, exit 2, nothing created or submitted. */
class TestExecutorFlags {

    @TempDir
    Path temp;

    @Test
    void slurmFlagsNeedTheSlurmExecutor() {
        assertRefused("--shards only applies with --executor slurm", "--shards", "2");
        assertRefused("--slurm-option, --detach only apply with --executor slurm", "--slurm-option=--time=5", "--detach");
    }

    @Test
    void theSlurmExecutorNeedsAShardCountOfAtLeastOne() {
        assertRefused("--executor slurm needs --shards N: how many array tasks to split the run into", "--executor", "slurm");
        assertRefused("--shards must be at least 1, got 0", "--executor", "slurm", "--shards", "0");
    }

    @Test
    void oneShardHereIsNotASlurmRun() {
        assertRefused("--shard I/N runs one shard here; --executor slurm submits all of them",
                "--executor", "slurm", "--shards", "2", "--shard", "0/2");
    }

    @Test
    void anSbatchOptionAssaySetsItselfIsRefusedNotSilentlyOverridden() {
        assertRefused("--slurm-option=--comment=mine: Assay sets sbatch's --comment itself: it tags the run's jobs, so a"
                + " second submission finds one still running", "--executor", "slurm", "--shards", "2", "--slurm-option=--comment=mine");
        assertRefused("--slurm-option=-o: Assay sets sbatch's --output itself: each task logs to RUN/slurm/shard-I.JOB.log,"
                + " which a failing shard's message names", "--executor", "slurm", "--shards", "2", "--slurm-option=-o", "--slurm-option=x.log");
        assertRefused("--slurm-option=-a0-3: Assay sets sbatch's --array itself: the array is the shards still to run",
                "--executor", "slurm", "--shards", "2", "--slurm-option=--time=5", "--slurm-option=-a0-3");
    }

    @Test
    void theSlurmExecutorNeedsTheSharedRunDirectory() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--executor", "slurm", "--shards", "2");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --executor slurm needs --out DIR");
    }

    @Test
    void anUnknownExecutorIsNamed() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--executor", "kubernetes");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--executor").contains("kubernetes");
    }

    private void assertRefused(String message, String... flags) {
        Path out = temp.resolve("run");
        String[] args = new String[6 + flags.length];
        System.arraycopy(new String[] {"run", example("arithmetic"), "--agent", "oracle", "--out", out.toString()}, 0, args, 0, 6);
        System.arraycopy(flags, 0, args, 6, flags.length);
        CliResult result = run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error:")).toList()).containsExactly("error: " + message);
        assertThat(out).doesNotExist();
    }
}

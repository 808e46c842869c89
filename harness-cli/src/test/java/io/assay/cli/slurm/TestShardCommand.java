package io.assay.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each array task runs: the submitting command's run flags, without those only the submitting command reads. */
class TestShardCommand {

    @Test
    void theTasksGetEveryRunFlagButTheExecutorsAndTheirOwnOutAndProgress() {
        List<String> submitted = List.of("run", "examples/arithmetic", "--agent", "scripted", "-A", "file=p.jsonl",
                "--executor", "slurm", "--shards=4", "--slurm-option", "--time=5", "--slurm-option=--mem=1G", "--detach",
                "--out", "runs/a", "--progress=bar", "--epochs", "3", "--seed", "7");

        assertThat(ShardCommand.runArguments(submitted)).containsExactly("run", "examples/arithmetic", "--agent", "scripted",
                "-A", "file=p.jsonl", "--epochs", "3", "--seed", "7");
    }

    @Test
    void theCommandIsThisJavaAndClassPathWritingToTheSharedDirectoryOnTheTasksPreparedThenOnUnstartedShards() {
        ShardCommand command = ShardCommand.of(List.of("run", "suite", "--agent", "oracle", "--out", "x"), Path.of("/shared/run"));

        assertThat(command.arguments().getFirst()).endsWith("java");
        assertThat(command.arguments()).containsSubsequence("-cp", System.getProperty("java.class.path"),
                "io.assay.cli.AssayCommand", "run", "suite", "--agent", "oracle", "--out", "/shared/run", "--progress", "lines",
                "--prepared-tasks", "--then-unstarted-shards");
        assertThat(command.arguments().get(1)).as("C1 alone, before the submitting JVM's flags, which may override it")
                .isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(command.arguments()).doesNotContain("x").noneMatch(argument -> argument.startsWith("-Dassay.stderr.tty="));
    }
}

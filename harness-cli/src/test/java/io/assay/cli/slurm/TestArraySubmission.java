package io.assay.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code sbatch} command that submits a run's shards. */
class TestArraySubmission {

    @Test
    void theArrayIsSubmittedNeverToBeRequeuedBySlurmItself() {
        Path run = Path.of("/shared/run");
        ArraySubmission submission = new ArraySubmission(run, 4, List.of("--time=5"),
                ShardCommand.of(List.of("run", "suite", "--agent", "oracle"), run));

        List<String> sbatch = submission.sbatch(List.of(3, 1));

        // Slurm's default (JobRequeue=1) would run a task again while the submitting command resubmits it.
        assertThat(sbatch).containsSubsequence("sbatch", "--parsable", "--no-requeue", "--array=1,3", "--time=5",
                "/shared/run/slurm/shard.sh", "4");
    }

    @Test
    void everyJobCarriesATagNamingItsRunAlone() {
        ShardCommand command = ShardCommand.of(List.of("run", "suite", "--agent", "oracle"), Path.of("/shared/run"));
        ArraySubmission submission = new ArraySubmission(Path.of("/shared/run"), 4, List.of(), command);

        assertThat(submission.sbatch(List.of(0))).contains("--comment=" + submission.tag());
        assertThat(submission.tag()).matches("assay-run:[0-9a-f]{16}")
                .isEqualTo(new ArraySubmission(Path.of("/shared/other/../run"), 2, List.of(), command).tag())
                .isNotEqualTo(new ArraySubmission(Path.of("/shared/run2"), 4, List.of(), command).tag());
    }
}

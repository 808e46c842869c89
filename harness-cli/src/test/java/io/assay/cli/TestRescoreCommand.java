package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRescoreCommand {

    @TempDir
    Path temp;

    @Test
    void rescoringAnUnchangedSuiteChangesNoGrade() {
        Path original = temp.resolve("run");
        run("run", example("arithmetic"), "--agent", "scripted",
                "-A", "file=" + Path.of(example("arithmetic")).resolve("predictions.jsonl"),
                "--out", original.toString(), "--progress", "none");

        CliResult result = run("rescore", original.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("suite      arithmetic", "into " + temp.resolve("run-rescored"), "No grade changed.");
        assertThat(Files.exists(temp.resolve("run-rescored/summary.json"))).isTrue();
    }

    @Test
    void aDirectoryThatIsNotARunIsBadInput() {
        CliResult result = run("rescore", temp.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a run directory (no manifest.json)");
    }

    @Test
    void modelFlagsAndTheSameAgentOptionConflict() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--model", "openai/gpt-4o",
                "-A", "model=openai/gpt-4o-mini", "--out", temp.resolve("r").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--model and -A model= both set the agent's model");
    }
}

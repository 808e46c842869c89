package io.assay.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Agent;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestScriptedAgent {

    @TempDir
    Path dir;

    @Test
    void replaysThePredictionForEachTask() throws Exception {
        Agent agent = scripted("""
                {"task_id": "q1", "output": "42"}
                {"task_id": "q2", "output": "Paris"}
                """);

        assertThat(agent.act(Inputs.task("q1", "ignored")).answer()).isEqualTo("42");
        assertThat(agent.act(Inputs.task("q2", "ignored")).answer()).isEqualTo("Paris");
    }

    @Test
    void epochPredictionsWinOverTheOneForEveryEpoch() throws Exception {
        Agent agent = scripted("""
                {"task_id": "q1", "output": "usual"}
                {"task_id": "q1", "output": "second try", "epoch": 1}
                """);

        assertThat(agent.act(Inputs.task("q1", null, 0)).answer()).isEqualTo("usual");
        assertThat(agent.act(Inputs.task("q1", null, 1)).answer()).isEqualTo("second try");
        assertThat(agent.act(Inputs.task("q1", null, 2)).answer()).isEqualTo("usual");
    }

    @Test
    void taskWithoutPredictionIsAnAgentFailureNamingTaskAndFile() throws Exception {
        Path file = write("""
                {"task_id": "q1", "output": "42", "epoch": 0}
                """);
        Agent agent = scripted(file);

        assertThatThrownBy(() -> agent.act(Inputs.task("q9", null)))
                .hasMessage("no prediction for task 'q9' in " + file);
        assertThatThrownBy(() -> agent.act(Inputs.task("q1", null, 1)))
                .hasMessage("no prediction for task 'q1' in " + file);
    }

    @Test
    void replaysAnOutputLongerThanJacksonsDefaultStringLimit() throws Exception {
        String output = "x".repeat(21_000_000); // Jackson's default stops at 20 million characters
        Agent agent = scripted("{\"task_id\": \"q1\", \"output\": \"" + output + "\"}\n");

        assertThat(agent.act(Inputs.task("q1", null)).answer()).hasSize(output.length());
    }

    @Test
    void blankLinesAreSkipped() throws Exception {
        Agent agent = scripted("\n{\"task_id\": \"q1\", \"output\": \"a\"}\n\n   \n");

        assertThat(agent.act(Inputs.task("q1", null)).answer()).isEqualTo("a");
    }

    @Test
    void reportsEveryProblemWithItsLine() throws Exception {
        Path file = write("""
                {"task_id": "q1", "output": "a"}
                {"output": "b"}
                {"task_id": "q3", "output": 3}
                {"task_id": "q4", "output": "d", "answer": "x"}
                {"task_id": "q5", "output": "e",
                ["q6", "f"]
                {"task_id": "q7", "output": "g", "epoch": -1}
                {"task_id": "q8", "output": "h", "epoch": "first"}
                {"task_id": "q1", "output": "again"}
                {"task_id": "q1", "output": "e0", "epoch": 0}
                {"task_id": "q1", "output": "e0 again", "epoch": 0}
                {"task_id": "q12", "output": "l"} trailing
                """);

        assertThatThrownBy(() -> scripted(file))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.expected().split(Pattern.quote(file + ":"), -1)).hasSize(11);
                    assertThat(e.expected()).containsSubsequence(
                            file + ":2: task_id: required string is missing; ",
                            file + ":3: output: expected a string, got 3; ",
                            file + ":4: answer: unknown field; expected one of [epoch, output, task_id, tool_calls]; ",
                            file + ":5: invalid JSON: ",
                            file + ":6: expected a JSON object, got array; ",
                            file + ":7: epoch: expected a whole number, 0 or more, got -1; ",
                            file + ":8: epoch: expected a whole number, got the string \"first\"; ",
                            file + ":9: duplicate prediction for task 'q1' (every epoch), first on line 1; ",
                            file + ":11: duplicate prediction for task 'q1' epoch 0, first on line 10; ",
                            file + ":12: invalid JSON: ");
                })
                .hasMessageStartingWith("file: " + file + ":2: task_id: required string is missing; ");
    }

    @Test
    void longListsOfProblemsAreCut() throws Exception {
        Path file = write("{\"output\": \"x\"}\n".repeat(30));

        assertThatThrownBy(() -> scripted(file))
                .hasMessageEndingWith(file + ":20: task_id: required string is missing; and 10 more");
    }

    @Test
    void missingFileIsAnOptionError() {
        Path file = dir.resolve("nope.jsonl");

        assertThatThrownBy(() -> scripted(file))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("file: " + file + ": no such file");
    }

    @Test
    void fileWithoutPredictionsIsAnOptionError() throws Exception {
        Path file = write("\n");

        assertThatThrownBy(() -> scripted(file)).hasMessage("file: " + file + ": holds no predictions");
    }

    @Test
    void fileOptionIsRequiredAndOthersRejected() {
        ScriptedAgentFactory factory = new ScriptedAgentFactory();

        assertThatThrownBy(() -> factory.create(Options.empty()))
                .hasMessage("file: required string is missing");
        assertThatThrownBy(() -> factory.create(Options.of(Map.of("file", "p.jsonl", "seed", "1"))))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.field()).isEqualTo("seed"));
    }

    private Agent scripted(String predictions) throws Exception {
        return scripted(write(predictions));
    }

    private static Agent scripted(Path file) {
        return new ScriptedAgentFactory().create(Options.of(Map.of("file", file.toString())));
    }

    private Path write(String predictions) throws Exception {
        return Files.writeString(dir.resolve("preds.jsonl"), predictions);
    }
}

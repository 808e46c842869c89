package io.assay.rank.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBattleFile {

    @TempDir
    Path directory;

    @Test
    void readsBattlesWithRaterAndFeatures() throws Exception {
        Path file = Files.writeString(directory.resolve("battles.jsonl"), """
                {"id": "b1", "model_a": "x", "model_b": "y", "winner": "a", "rater": {"language": "fr", "age": 30}}

                {"id": "b2", "model_a": "y", "model_b": "x", "winner": "both_bad", "features": {"tokens_a": 10, "tokens_b": 30}}
                """);
        List<Battle> battles = BattleFile.read(file);
        assertThat(battles).hasSize(2);
        assertThat(battles.get(0).rater()).containsEntry("language", "fr").containsEntry("age", "30");
        assertThat(battles.get(1).winner()).isEqualTo(Battle.Winner.BOTH_BAD);
        assertThat(battles.get(1).features()).containsEntry("tokens_b", 30.0);
    }

    @Test
    void everyBadLineIsReportedWithFileLineAndField() throws Exception {
        Path file = Files.writeString(directory.resolve("battles.jsonl"), """
                {"id": "b1", "model_a": "x", "model_b": "y", "winner": "a"}
                {"id": "b2", "model_a": "x", "model_b": "y", "winner": "c"}
                {"id": "b3", "model_a": "x", "winner": "a"}
                not json
                {"id": "b1", "model_a": "x", "model_b": "x", "winner": "tie", "features": {"tokens_a": "long"}}
                """);
        assertThatThrownBy(() -> BattleFile.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":2: winner: expected \"a\", \"b\", \"tie\" or \"both_bad\", got \"c\"")
                .hasMessageContaining(file + ":3: model_b: required field is missing")
                .hasMessageContaining(file + ":4: not valid JSON")
                .hasMessageContaining(file + ":5: id: duplicate battle id 'b1'; first used on line 1")
                .hasMessageContaining(file + ":5: model_b: expected a model other than model_a")
                .hasMessageContaining(file + ":5: features.tokens_a: expected a number ≥ 0, got \"long\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(":1:"));
    }

    @Test
    void anEmptyFileIsAProblem() throws Exception {
        Path file = Files.writeString(directory.resolve("battles.jsonl"), "\n");
        assertThatThrownBy(() -> BattleFile.read(file)).hasMessageContaining("no battles");
    }
}

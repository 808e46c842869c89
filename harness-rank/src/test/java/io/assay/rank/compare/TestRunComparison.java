package io.assay.rank.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.rank.RankRuns;
import io.assay.rank.RunTasks;
import io.assay.spi.Options;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runs through the engine: the oracle (a) against a scripted agent (b) that answers q1 and q3
 * right and q2 and q4 wrong, on four sums, two easy and two hard. Per task b - a is 0, -1, 0, -1.
 */
class TestRunComparison {
    @TempDir
    Path work;

    private RunTasks oracle;
    private RunTasks scripted;

    @BeforeEach
    void runBoth() throws Exception {
        Path suite = RankRuns.suite(work.resolve("suite"), "1", "q1=2=easy", "q2=4=easy", "q3=6=hard", "q4=8=hard");
        Options predictions = RankRuns.predictions(work.resolve("p.jsonl"), "q1=2", "q2=5", "q3=6", "q4=0");
        oracle = RunTasks.read(run(suite, "oracle", Options.empty(), "a"));
        scripted = RunTasks.read(run(suite, "scripted", predictions, "b"));
    }

    private Path run(Path suite, String agent, Options options, String out) throws Exception {
        return RankRuns.run(suite, agent, options, 1, false, work.resolve(out));
    }

    @Test
    void realRunsArePairedByTaskWithFlipsAndMcNemar() {
        RunComparison comparison = RunComparison.of(oracle, scripted);
        PairedFigures overall = comparison.overall();

        assertThat(overall.tasks()).isEqualTo(4);
        assertThat(overall.difference().mean()).isEqualTo(-0.5);
        // differences 0, -1, 0, -1: squared deviations 4 * 0.25 = 1 over 3 degrees of freedom, over 4 tasks
        assertThat(overall.difference().stderr()).isCloseTo(Math.sqrt(1.0 / 3 / 4), within(1e-12));
        assertThat(overall.aOnly()).containsExactly("q2", "q4");
        assertThat(overall.bOnly()).isEmpty();
        assertThat(overall.mcnemarPValue()).as("2 of 2 discordant one way: 2 * (1/2)^2").isCloseTo(0.5, within(1e-12));
        assertThat(comparison.onlyInA() + comparison.onlyInB() + comparison.unscored()).isZero();
    }

    @Test
    void eachScalarMetadataValueIsASegmentWithItsOwnFiguresAndAFewTasksWarning() {
        List<RunComparison.Segment> segments = RunComparison.of(oracle, scripted).segments();

        assertThat(segments).extracting(s -> s.key() + "=" + s.value()).containsExactly("level=easy", "level=hard");
        RunComparison.Segment easy = segments.get(0);
        assertThat(easy.figures().tasks()).isEqualTo(2);
        assertThat(easy.figures().difference().mean()).isEqualTo(-0.5);
        assertThat(easy.figures().aOnly()).containsExactly("q2");
        assertThat(easy.fewTasks()).isTrue();
    }

    @Test
    void tasksInOneRunOnlyAndTasksNeverScoredAreExcludedAndCounted() {
        Map<String, RunTasks.TaskResult> fewer = new LinkedHashMap<>(scripted.tasks());
        fewer.remove("q4");
        RunTasks.TaskResult q1 = fewer.get("q1");
        fewer.put("q1", new RunTasks.TaskResult("q1", q1.metadata(), 1, 0, 0, 0));
        RunTasks b = new RunTasks(scripted.directory(), scripted.manifest(), scripted.summary(), fewer);

        RunComparison comparison = RunComparison.of(oracle, b);

        assertThat(comparison.onlyInA()).isEqualTo(1);
        assertThat(comparison.onlyInB()).isZero();
        assertThat(comparison.unscored()).isEqualTo(1);
        assertThat(comparison.overall().tasks()).as("q2 and q3").isEqualTo(2);
        assertThat(comparison.overall().difference().mean()).isEqualTo(-0.5);
    }

    @Test
    void theJsonHasTheFieldsTheIssueNamesWithTheFigures() {
        JsonNode json = ComparisonJson.tree(RunComparison.of(oracle, scripted));

        assertThat(json.fieldNames()).toIterable()
                .contains("a", "b", "suite", "tasks", "difference", "ci95", "p_value", "flipped", "segments");
        assertThat(json.get("a").get("run").asText()).isEqualTo(work.resolve("a").toString());
        assertThat(json.get("b").get("agent").asText()).isEqualTo("scripted");
        assertThat(json.get("suite").asText()).startsWith("sums@1 (sha256:");
        assertThat(json.get("difference").asDouble()).isEqualTo(-0.5);
        assertThat(json.get("flipped").get("a_only")).extracting(JsonNode::asText).containsExactly("q2", "q4");
        assertThat(json.get("flipped").get("p_value").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(json.get("segments").get(1).get("value").asText()).isEqualTo("hard");
    }

    @Test
    void textAndMarkdownStateTheDifferenceItsIntervalAndBothTests() {
        RunComparison comparison = RunComparison.of(oracle, scripted);
        // t(0.975, 3) = 3.182446; -0.5 +- 3.182446 * 0.288675 = [-1.419 clipped to -1, +0.419]
        String ci = "-0.500 [95% CI -1.000, +0.419]";

        assertThat(ComparisonText.text(comparison)).contains("Difference b - a: " + ci)
                .contains("McNemar exact p = 0.500").contains("a only: q2, q4").contains("level=easy").contains("(few tasks)");
        assertThat(ComparisonText.markdown(comparison)).contains("**Difference b - a:** " + ci)
                .contains("| level=hard (few tasks) | 2 |");
    }
}

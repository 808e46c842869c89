package io.assay.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.core.run.TrialCodec;
import io.assay.launcher.ScoreStatistics;
import io.assay.launcher.Summary;
import io.assay.spi.AgentOutput;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.TrialRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestSummaryCalculator {

    @Test
    void scoresPerTaskMeansWithAStudentTInterval() {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", 4, null);
        // Per-task scores 1, 0, 1, 1: mean 0.75, sample sd 0.5, stderr 0.25, t(0.975, 3) = 3.182446.
        add(calculator, "t1", 0, 1.0, Map.of());
        add(calculator, "t2", 0, 0.0, Map.of());
        add(calculator, "t3", 0, 1.0, Map.of());
        add(calculator, "t4", 0, 1.0, Map.of());

        Summary summary = calculator.summary();
        assertThat(summary.score().mean()).isCloseTo(0.75, within(1e-12));
        assertThat(summary.score().stderr()).isCloseTo(0.25, within(1e-12));
        assertThat(summary.score().ci95()[0]).isEqualTo(0.0); // 0.75 - 0.7956 clipped
        assertThat(summary.score().ci95()[1]).isEqualTo(1.0);
    }

    @Test
    void intervalMatchesStudentTWhenNotClipped() {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", 10, null);
        for (int i = 0; i < 10; i++) {
            add(calculator, "t" + i, 0, i < 5 ? 0.4 : 0.6, Map.of());
        }
        ScoreStatistics score = calculator.summary().score();
        double stderr = Math.sqrt((10 * 0.01 / 9) / 10); // sd^2 = sum((x-0.5)^2)/(n-1)
        assertThat(score.stderr()).isCloseTo(stderr, within(1e-12));
        assertThat(score.ci95()[0]).isCloseTo(0.5 - 2.262157 * stderr, within(1e-6));
        assertThat(score.ci95()[1]).isCloseTo(0.5 + 2.262157 * stderr, within(1e-6));
    }

    @Test
    void epochsOfATaskAreOneClusterAndFeedPassAtK() {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", 6, null);
        add(calculator, "t1", 0, 1.0, Map.of());
        add(calculator, "t1", 1, 0.0, Map.of());
        add(calculator, "t1", 2, 0.0, Map.of());
        add(calculator, "t2", 0, 1.0, Map.of());
        add(calculator, "t2", 1, 1.0, Map.of());
        add(calculator, "t2", 2, 1.0, Map.of());

        Summary summary = calculator.summary();
        assertThat(summary.score().mean()).isCloseTo((1.0 / 3 + 1.0) / 2, within(1e-12));
        assertThat(summary.passAtK()).containsOnlyKeys("1", "2", "3");
        assertThat(summary.passAtK().get("1")).isCloseTo((1.0 / 3 + 1.0) / 2, within(1e-12));
        assertThat(summary.passAtK().get("3")).isCloseTo(1.0, within(1e-12));
        assertThat(summary.passHatK().get("3")).isCloseTo(0.5, within(1e-12)); // only t2 passes all three
    }

    @Test
    void harnessErrorsAreCountedButNotScored() {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", 3, null);
        add(calculator, "t1", 0, 1.0, Map.of());
        calculator.add(record("t2", 0, Outcome.HARNESS_ERROR, null), List.of(), Map.of());
        calculator.add(record("t3", 0, Outcome.TIMEOUT, null), List.of(), Map.of());

        Summary summary = calculator.summary();
        assertThat(summary.trials()).isEqualTo(3);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.score().mean()).isCloseTo(0.5, within(1e-12)); // t1 = 1, t3 = 0; t2 excluded
        assertThat(summary.outcomes()).containsEntry("harness_error", 1L).containsEntry("timeout", 1L);
    }

    @Test
    void withNoScoredTrialEveryFigureIsNullNotZero() throws Exception {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", 3, null);
        calculator.add(record("t1", 0, Outcome.HARNESS_ERROR, null), List.of(), Map.of("level", "easy"));
        calculator.add(record("t2", 0, Outcome.JUDGE_ERROR, null), List.of(), Map.of("level", "hard"));
        add(calculator, "t3", 0, 1.0, Map.of("level", "hard"));

        Summary summary = calculator.summary();
        Summary.Segment easy = summary.segments().get("level").get("easy");
        assertThat(easy.score().mean()).isNull();
        assertThat(easy.passRate()).isNull();
        assertThat(easy.passAtK()).isNull();
        assertThat(summary.segments().get("level").get("hard").score().mean()).as("t2 excluded").isEqualTo(1.0);

        SummaryCalculator unscored = new SummaryCalculator("s", "a", 2, null);
        unscored.add(record("t1", 0, Outcome.HARNESS_ERROR, null), List.of(), Map.of());
        unscored.add(record("t2", 0, Outcome.HARNESS_ERROR, null), List.of(), Map.of());
        JsonNode json = Json.toTree(unscored.summary());
        for (String pointer : List.of("/score/mean", "/score/stderr", "/score/ci95", "/pass_rate", "/pass_at_k", "/pass_hat_k")) {
            assertThat(json.at(pointer).isNull()).as(pointer + " is present and null").isTrue();
        }
        assertThat(json.path("errors").asInt()).isEqualTo(2);
    }

    @Test
    void segmentsByScalarMetadataValues() {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", 3, null);
        add(calculator, "t1", 0, 1.0, Map.of("level", "easy", "tags", java.util.List.of("x")));
        add(calculator, "t2", 0, 0.0, Map.of("level", "hard"));
        add(calculator, "t3", 0, 1.0, Map.of("level", "easy"));

        Summary summary = calculator.summary();
        assertThat(summary.segments()).containsOnlyKeys("level");
        assertThat(summary.segments().get("level").get("easy").tasks()).isEqualTo(2);
        assertThat(summary.segments().get("level").get("easy").score().mean()).isEqualTo(1.0);
        assertThat(summary.segments().get("level").get("hard").score().mean()).isEqualTo(0.0);
    }

    @Test
    void theSummaryIsTheSameToTheLastBitWhateverOrderTheTrialsArriveIn() throws Exception {
        // Scores whose sums round differently by order ((0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)), three
        // epochs, segments, and calls served by two models with two fingerprints.
        List<TrialCodec.Figures> trials = new ArrayList<>();
        double[] scores = {0.1, 0.2, 0.3, 0.7, 0.6, 1.0 / 3};
        for (int task = 0; task < 40; task++) {
            for (int epoch = 0; epoch < 3; epoch++) {
                double score = scores[(task + epoch * 5) % scores.length];
                List<ModelCall> calls = List.of(new ModelCall("openai", "m", epoch == 1 ? "m-b" : "m-a", "fp" + (task % 2), 10, 2,
                        new BigDecimal("0.01"), 100, 1, "stop", null, null));
                trials.add(new TrialCodec.Figures("t" + task, epoch, Outcome.COMPLETED, score, score > 0.5, Duration.ZERO,
                        Map.of("level", task % 3 == 0 ? "hard" : "easy"), calls));
            }
        }
        String inOrder = summaryOf(trials);
        Collections.reverse(trials);
        assertThat(summaryOf(trials)).as("reversed").isEqualTo(inOrder);
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(trials, new Random(seed));
            assertThat(summaryOf(trials)).as("shuffled with seed " + seed).isEqualTo(inOrder);
        }
        assertThat(inOrder).contains("m-a", "m-b", "fp0", "fp1", "hard", "easy");
    }

    private static String summaryOf(List<TrialCodec.Figures> trials) throws Exception {
        SummaryCalculator calculator = new SummaryCalculator("s", "a", trials.size(), null);
        trials.forEach(calculator::add);
        return Json.MAPPER.writeValueAsString(calculator.summary());
    }

    private static void add(SummaryCalculator calculator, String task, int epoch, double score, Map<String, Object> metadata) {
        calculator.add(record(task, epoch, Outcome.COMPLETED, new RewardResult(score, score == 1.0, "", Map.of())), List.of(),
                metadata);
    }

    private static TrialRecord record(String task, int epoch, Outcome outcome, RewardResult reward) {
        return new TrialRecord("s", task, epoch, 0, outcome, AgentOutput.of(""), reward, null, 1, Instant.EPOCH,
                Duration.ZERO, Duration.ZERO);
    }
}

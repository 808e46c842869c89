package io.assay.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.json.Json;
import io.assay.core.run.TrialCodec;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSummaryState {

    /**
     * Trials whose score sums round differently by order, three epochs, harness errors, segments
     * (and a task without), and model calls served by two models with two fingerprints, one unpriced.
     */
    private static List<TrialCodec.Figures> trials() {
        List<TrialCodec.Figures> trials = new ArrayList<>();
        double[] scores = {0.1, 0.2, 0.3, 0.7, 0.6, 1.0 / 3};
        for (int task = 0; task < 30; task++) {
            for (int epoch = 0; epoch < 3; epoch++) {
                double score = scores[(task + epoch * 5) % scores.length];
                Outcome outcome = (task * 3 + epoch) % 11 == 0 ? Outcome.HARNESS_ERROR : Outcome.COMPLETED;
                List<ModelCall> calls = List.of(new ModelCall("openai", "m", epoch == 1 ? "m-b" : "m-a", "fp" + (task % 2), 10, 2,
                        task == 4 ? null : new BigDecimal("0.013"), 100 + task, 1 + epoch, "stop", null, null));
                Map<String, Object> metadata = task == 7 ? Map.of() : Map.of("level", task % 3 == 0 ? "hard" : "easy", "n", task % 2);
                trials.add(new TrialCodec.Figures("t" + task, epoch, outcome, outcome.scored() ? score : Double.NaN,
                        outcome.scored() && score > 0.5, Duration.ZERO, metadata, calls));
            }
        }
        return trials;
    }

    private static SummaryCalculator empty() {
        return new SummaryCalculator("s", "a", 90, Map.of("null", 0.0));
    }

    private static SummaryCalculator roundTrip(SummaryCalculator part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryState.write(part, out);
        return SummaryState.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static String json(SummaryCalculator calculator) throws IOException {
        return Json.MAPPER.writeValueAsString(calculator.summary());
    }

    @Test
    void partsWrittenReadBackAndAddedGiveTheSummaryOfAllTrialsToTheLastBit() throws Exception {
        List<TrialCodec.Figures> trials = trials();
        SummaryCalculator whole = empty();
        trials.forEach(whole::add);
        // Three parts as three shards would split them: a task's first two epochs in one part, its
        // third in another, so a part's sum of a task's scores is inexact (0.1 + 0.7) as well.
        List<SummaryCalculator> parts = List.of(empty(), empty(), empty());
        for (TrialCodec.Figures trial : trials) {
            int task = Integer.parseInt(trial.task().substring(1));
            parts.get((task + (trial.epoch() == 2 ? 1 : 0)) % 3).add(trial);
        }
        assertThat(parts.getFirst().tallies.values()).as("sums that one double does not hold exactly")
                .anyMatch(tally -> tally.scoreTerms().length >= 2);

        SummaryCalculator combined = empty();
        for (SummaryCalculator part : parts) {
            combined.addAll(roundTrip(part));
        }

        assertThat(json(combined)).isEqualTo(json(whole)).contains("m-a", "m-b", "fp0", "fp1", "hard", "easy", "harness_error");
        assertThat(combined.trials()).isEqualTo(90);
        assertThat(combined.usage().cost()).isEqualTo(whole.usage().cost());
        assertThat(combined.usage().unpricedCalls()).isTrue();
    }

    @Test
    void anEmptyPartAddsNothing() throws Exception {
        SummaryCalculator whole = empty();
        trials().forEach(whole::add);
        String before = json(whole);

        whole.addAll(roundTrip(empty()));

        assertThat(json(whole)).isEqualTo(before);
    }

    @Test
    void aStateThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> read("{\"trials\": -1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a count");
        assertThatThrownBy(() -> read("{\"segments\": [], \"tasks\": [[\"t0\", 1, 0, 0, 0, 0.5]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task t0 names segments 0 of 0");
        assertThatThrownBy(() -> read("{\"segments\": [[]], \"tasks\": [[\"t0\", 1, 0, 0, 0, [0.5]]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> read("{\"outcomes\": {\"lost\": 1}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"segments\": [[]], \"tasks\": [[\"t0\", 3000000000, 0, 0, 0]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than a task's count can be");
        assertThatThrownBy(() -> read("{\"usage\": {\"calls\": \"many\"}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"trials\": 1")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"segments\": [[]], \"tasks\": [[\"t0\", 1, 0, 0, 0, \"abc\"]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> read("{\"segments\": [[1, 2]], \"tasks\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected text");
        assertThatThrownBy(() -> read("{\"trials\": 0}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected the fields");
        String usage = "{\"calls\": 0, \"attempts\": 0, \"input_tokens\": 0, \"output_tokens\": 0, \"unpriced\": 0,"
                + " \"latency_ms\": 0, \"cost\": \"0\", \"models\": {\"openai/m\": {\"calls\": 0, \"served\": {}, \"fingerprints\": [5]}}}";
        assertThatThrownBy(() -> read("{\"usage\": " + usage + "}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a fingerprint's text");
        String valid = usage.replace("[5]", "[]");
        assertThatThrownBy(() -> read("{\"trials\": 2, \"errors\": 0, \"outcomes\": {\"completed\": 2}, \"usage\": " + valid
                + ", \"segments\": [[]], \"tasks\": [[\"t0\", 1, 1, 0, 0, 1.0]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the counts do not add up");
        assertThatThrownBy(() -> read("{\"segments\": [[]], \"tasks\": [[\"t0\", 1, 2, 0, 0, 1.0]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 passes of 1 graded trials");
    }

    private static SummaryCalculator read(String text) throws IOException {
        return SummaryState.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}

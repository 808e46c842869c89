package io.assay.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs and the audit report the page tests read are what those tests assume they are. */
class TestFixtures {
    @TempDir
    Path folder;

    @Test
    void theMixedRunPassesFailsAndErrsAsScriptedAndTheOraclePassesAll() throws Exception {
        Fixtures.MixedRuns runs = Fixtures.mixedRuns(folder);

        Map<String, char[]> plans = new HashMap<>();
        for (JsonNode trial : Fixtures.trials(runs.scripted())) {
            char plan = trial.path("passed").asBoolean() ? 'p' : trial.path("outcome").asText().equals("agent_error") ? '-' : 'f';
            plans.computeIfAbsent(trial.path("task").asText(), task -> new char[Fixtures.EPOCHS])[trial.path("epoch").asInt()] = plan;
        }
        assertThat(plans).hasSize(Fixtures.MIXED.size());
        Fixtures.MIXED.forEach((task, plan) -> assertThat(new String(plans.get(task))).as(task).isEqualTo(plan));
        assertThat(Fixtures.trials(runs.oracle())).hasSize(Fixtures.MIXED.size() * Fixtures.EPOCHS)
                .allMatch(trial -> trial.path("passed").asBoolean());
        assertThat(Fixtures.summary(runs.scripted()).path("segments").has("difficulty"))
                .isTrue();
    }

    @Test
    void theXssRunsAgentRepliedEveryPayload() throws Exception {
        Path run = Fixtures.xssRun(folder);

        List<JsonNode> trials = Fixtures.trials(run);
        assertThat(trials).extracting(trial -> trial.path("output").path("answer").asText())
                .containsExactlyInAnyOrderElementsOf(Fixtures.PAYLOADS);
        assertThat(trials).extracting(trial -> trial.path("task").asText()).contains(Fixtures.PAYLOADS.get(1));
    }

    @Test
    void theAuditReportHasFindingsAndAChecklist() throws Exception {
        JsonNode audit = Fixtures.JSON.readTree(Fixtures.auditReport(folder).toFile());

        assertThat(audit.path("findings").size()).isPositive();
        assertThat(audit.path("checklist").size()).isPositive();
        assertThat(audit.path("suite").asText()).isEqualTo("capitals-and-facts");
    }

    @Test
    void theLargeRunHasATrialPerTaskAndEpoch() throws Exception {
        long start = System.nanoTime();
        Path run = Fixtures.largeRun(folder, 20_000, 5);
        System.out.printf("large run of 100,000 trials made in %.1f s%n", (System.nanoTime() - start) / 1e9);

        try (var lines = Files.lines(run.resolve("trials.jsonl"))) {
            assertThat(lines.count()).isEqualTo(100_000);
        }
        JsonNode summary = Fixtures.summary(run);
        assertThat(summary.path("pass_rate").asDouble()).isEqualTo(0.9);
    }
}

package io.assay.tau.airline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import io.assay.tau.TauVersion;
import io.assay.testkit.Benchmarks;
import io.assay.testkit.TaskBuilder;
import io.assay.tools.ToolEnvironmentFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every gold action of tau2-bench's airline tasks replays, in order, through the toolkit's sessions. */
class TestGoldReplay {

    @Test
    void everyGoldActionOfEveryTau2TaskReplaysWithoutAnError() throws Exception {
        JsonNode tasks = Json.MAPPER.readTree(Benchmarks.folder("tau-bench/tau2/airline/tasks.json").toFile());
        AirlineDomain domain = new AirlineDomain(AirlineFixture.DATABASE, "policy", TauVersion.TAU2);
        var environment = new ToolEnvironmentFactory("tau", "the tau2 airline", options -> domain)
                .create(new Options("environment", Map.of("type", "tau")));
        List<String> failures = new ArrayList<>();
        int replayed = 0;
        for (JsonNode task : tasks) {
            List<Map<String, Object>> actions = new ArrayList<>();
            for (JsonNode action : task.path("evaluation_criteria").path("actions")) {
                actions.add(Map.of("name", action.path("name").asText(), "arguments",
                        Json.MAPPER.convertValue(action.path("arguments"), new TypeReference<Map<String, Object>>() { })));
            }
            Task gold = TaskBuilder.task(task.path("id").asText()).prompt("I need help with my reservation.")
                    .answer(Map.of("actions", actions)).build();
            try (EnvironmentSession session = environment.start(gold, 0)) {
                ToolEnvironment tools = (ToolEnvironment) session;
                for (Map<String, Object> action : actions) {
                    @SuppressWarnings("unchecked")
                    ToolResult result = tools.call((String) action.get("name"), (Map<String, Object>) action.get("arguments"));
                    replayed++;
                    if (result.error()) {
                        failures.add("task " + gold.id() + ": " + action + " -> " + result.content());
                    }
                }
            }
        }
        assertThat(replayed).isEqualTo(142);
        assertThat(failures).isEmpty();
    }
}

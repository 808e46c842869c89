package io.assay.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import io.assay.testkit.TaskBuilder;
import io.assay.tools.DomainTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example suite's tasks against the real domain: every gold action succeeds and changes the shop. */
class TestRetailTasks {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final List<String> CATEGORIES = List.of(
            "cancel", "modify-items", "return", "exchange", "address", "payment", "user-address", "compound");

    private final RetailDomain domain = new RetailDomain();

    @Test
    void thereAreAtLeast32TasksWithUniqueIdsAndKnownCategories() throws IOException {
        List<JsonNode> tasks = tasks();

        assertThat(tasks).hasSizeGreaterThanOrEqualTo(32);
        assertThat(tasks).extracting(task -> task.path("id").asText()).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
        assertThat(tasks).extracting(task -> task.path("metadata").path("category").asText())
                .containsOnlyElementsOf(CATEGORIES).containsAll(CATEGORIES);
    }

    @Test
    void everyTasksGoldActionsAreWritingCallsThatSucceedAndChangeTheState() throws IOException {
        ObjectNode initial = domain.initialState();
        for (JsonNode task : tasks()) {
            ObjectNode end = replay(task);

            assertThat(end).as("end state of task %s", task.path("id").asText()).isNotEqualTo(initial);
            List<JsonNode> numbers = new ArrayList<>();
            TestRetailDomain.collectNumbers(end, numbers);
            assertThat(numbers).as("amounts after task %s", task.path("id").asText())
                    .allMatch(number -> number.isBigDecimal() && number.decimalValue().scale() == 2);
        }
    }

    @Test
    void replayingTwiceGivesIdenticalStates() throws IOException {
        for (JsonNode task : tasks()) {
            assertThat(replay(task)).as("task %s", task.path("id").asText()).isEqualTo(replay(task));
        }
    }

    /** An output the agent could read off the data before acting would pass an agent that dumps the database. */
    @Test
    void requiredOutputsAreNotInTheInitialData() throws IOException {
        String data = domain.initialState().toString();
        for (JsonNode task : tasks()) {
            task.path("answer").path("outputs").forEach(output ->
                    assertThat(data).as("output of task %s", task.path("id").asText()).doesNotContain(output.asText()));
        }
    }

    @Test
    void theRetailEnvironmentsReferenceSolutionReachesEveryTasksExpectedState() throws Exception {
        try (Environment environment = new RetailPlugin().environments().getFirst().create(Options.of(Map.of("type", "retail")))) {
            for (JsonNode line : tasks()) {
                Task task = TaskBuilder.task(line.path("id").asText()).prompt(line.path("prompt").asText())
                        .answer(MAPPER.convertValue(line.path("answer"), Object.class)).solution(null)
                        .userTurns(MAPPER.convertValue(line.path("user_turns"), new TypeReference<List<String>>() { }))
                        .build();
                try (EnvironmentSession session = environment.start(task, 0)) {
                    ToolEnvironment tools = (ToolEnvironment) session;
                    ((ReferenceSolution) session).solve();

                    assertThat(tools.state()).as("task %s", task.id()).isEqualTo(tools.expectedState());
                }
            }
        }
    }

    private ObjectNode replay(JsonNode task) {
        ObjectNode state = domain.initialState();
        for (JsonNode action : task.path("answer").path("actions")) {
            String name = action.path("name").asText();
            DomainTool tool = domain.tools().stream().filter(candidate -> candidate.spec().name().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("task " + task.path("id") + ": no tool " + name));
            assertThat(tool.spec().readOnly()).as("task %s calls read-only %s as a gold action", task.path("id"), name).isFalse();
            Map<String, Object> arguments = MAPPER.convertValue(action.path("arguments"), new TypeReference<>() { });
            try {
                tool.call(state, Options.of(arguments));
            } catch (RuntimeException e) {
                throw new AssertionError("task " + task.path("id") + ": " + name + " " + arguments + " failed: " + e.getMessage(), e);
            }
        }
        return state;
    }

    private static List<JsonNode> tasks() throws IOException {
        Path file = Path.of(System.getProperty("assay.repoRoot"), "examples", "retail", "tasks.jsonl");
        List<JsonNode> tasks = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                tasks.add(MAPPER.readTree(line));
            }
        }
        return tasks;
    }
}

package io.assay.view.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.kit.TaskIds;
import io.assay.view.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents the pages read, checked against the run files they come from. */
class TestDocuments {
    @TempDir
    static Path work;

    private static Fixtures.MixedRuns mixed;

    @BeforeAll
    static void runs() throws Exception {
        mixed = Fixtures.mixedRuns(work);
        Fixtures.xssRun(work);
    }

    private static Documents documents() {
        return new Documents(new Catalog(List.of(Fixtures.served(work))));
    }

    private static JsonNode get(Documents documents, String... path) throws Exception {
        byte[] document = documents.get(List.of(path)).orElseThrow(() -> new AssertionError("no document at " + List.of(path)));
        return ViewJson.MAPPER.readTree(document);
    }

    @Test
    void theRunsOfTheIndexAreEndedRunsSummariesReadWithoutTheirTrials() throws Exception {
        Catalog catalog = new Catalog(List.of(Fixtures.served(work)));

        JsonNode index = ViewJson.MAPPER.readTree(new Documents(catalog).index());

        JsonNode row = rowOf(index, "mixed-scripted");
        JsonNode summary = Fixtures.summary(mixed.scripted());
        assertThat(row.path("trials")).isEqualTo(summary.path("trials"));
        assertThat(row.path("score")).isEqualTo(summary.path("score"));
        assertThat(row.path("errors")).isEqualTo(summary.path("errors"));
        assertThat(row.path("status").asText()).isEqualTo("completed");
        assertThat(row.path("suite").asText()).isEqualTo("sums");
        assertThat(catalog.indexed("mixed-scripted")).as("no trial was read to list the run").isEmpty();
        assertThat(index.path("problems")).isEmpty();
    }

    @Test
    void aRunWhoseTrialsChangedAfterItsSummaryIsSummarisedFromTheTrials() throws Exception {
        Path copy = Fixtures.served(work).resolve("appended");
        Fixtures.copyTree(mixed.oracle(), copy);
        String line = Files.readAllLines(copy.resolve("trials.jsonl")).getFirst();
        Files.writeString(copy.resolve("trials.jsonl"), line + "\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(copy.resolve("summary.json"),
                FileTime.fromMillis(Files.getLastModifiedTime(copy.resolve("trials.jsonl")).toMillis() - 60_000));
        try {
            JsonNode row = rowOf(ViewJson.MAPPER.readTree(documents().index()), "appended");

            assertThat(row.path("trials").asLong()).isEqualTo(Fixtures.summary(mixed.oracle()).path("trials").asLong() + 1);
        } finally {
            deleteRun(copy);
        }
    }

    @Test
    void aRunningRunsRowIsReadAgainOnlyWhenItsTrialsGrowAndACorruptLineCountsNothingTwice() throws Exception {
        Path copy = Fixtures.served(work).resolve("still-running");
        Fixtures.copyTree(mixed.oracle(), copy);
        Files.delete(copy.resolve("summary.json"));
        Files.writeString(copy.resolve("manifest.json"),
                Files.readString(copy.resolve("manifest.json")).replace("\"completed\"", "\"running\""));
        long recorded = Fixtures.summary(mixed.oracle()).path("trials").asLong();
        String line = Files.readAllLines(copy.resolve("trials.jsonl")).getFirst();
        try {
            Documents documents = documents();
            assertThat(rowOf(ViewJson.MAPPER.readTree(documents.index()), "still-running").path("trials").asLong()).isEqualTo(recorded);

            Files.writeString(copy.resolve("trials.jsonl"), line + "\n{torn", StandardOpenOption.APPEND);
            assertThat(rowOf(ViewJson.MAPPER.readTree(documents.index()), "still-running").path("trials").asLong())
                    .isEqualTo(recorded + 1);

            Files.writeString(copy.resolve("trials.jsonl"), "\n", StandardOpenOption.APPEND); // the torn line ends: corrupt
            for (int look = 0; look < 2; look++) {
                JsonNode index = ViewJson.MAPPER.readTree(documents.index());
                assertThat(index.path("problems")).extracting(JsonNode::asText).singleElement().asString()
                        .contains("trials.jsonl:" + (recorded + 2) + ": not valid JSON");
            }
            Files.writeString(copy.resolve("trials.jsonl"), line + "\n");
            assertThat(rowOf(ViewJson.MAPPER.readTree(documents.index()), "still-running").path("trials").asLong()).isEqualTo(1);
        } finally {
            deleteRun(copy);
        }
    }

    @Test
    void aRunThatCannotBeReadIsAProblemLineAndTheOthersAreStillListed() throws Exception {
        Path broken = Fixtures.served(work).resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("manifest.json"), "{not json");
        try {
            JsonNode index = ViewJson.MAPPER.readTree(documents().index());

            assertThat(index.path("problems")).extracting(JsonNode::asText).singleElement().asString()
                    .startsWith(broken.resolve("manifest.json") + ": not a valid run manifest: ").doesNotContain("\n");
            assertThat(rowOf(index, "mixed-oracle").path("status").asText()).isEqualTo("completed");
        } finally {
            deleteRun(broken);
        }
    }

    @Test
    void everyTaskIsListedInReadingOrderWithEachEpochsOutcomeAndItsMeanScore() throws Exception {
        JsonNode tasks = get(documents(), "api", "runs", "mixed-scripted", "tasks");

        List<String> ids = new ArrayList<>();
        tasks.path("tasks").forEach(task -> ids.add(task.path("id").asText()));
        List<String> expected = new ArrayList<>(Fixtures.MIXED.keySet());
        expected.sort(TaskIds.ORDER);
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(tasks.path("epochs").asInt()).isEqualTo(Fixtures.EPOCHS);
        assertThat(tasks.path("segment_keys")).extracting(JsonNode::asText).containsExactly("difficulty", "topic");
        Map<String, Double> means = Fixtures.meanScores(mixed.scripted());
        for (JsonNode task : tasks.path("tasks")) {
            String id = task.path("id").asText();
            List<JsonNode> recorded = Fixtures.trials(mixed.scripted(), id);
            assertThat(task.path("trials")).hasSize(recorded.size());
            for (int i = 0; i < recorded.size(); i++) {
                assertThat(task.path("trials").get(i).path("epoch")).isEqualTo(recorded.get(i).path("epoch"));
                assertThat(task.path("trials").get(i).path("outcome")).isEqualTo(recorded.get(i).path("outcome"));
                assertThat(task.path("trials").get(i).path("passed")).isEqualTo(recorded.get(i).path("passed"));
            }
            assertThat(task.path("mean_score").asDouble()).as(id).isCloseTo(means.get(id), within(1e-12));
        }
    }

    @Test
    void aTasksDocumentHoldsItsTrialLinesAsRecordedInEpochOrder() throws Exception {
        String task = Fixtures.MIXED.keySet().iterator().next();

        JsonNode document = get(documents(), "api", "runs", "mixed-scripted", "tasks", task);

        assertThat(document.path("task").asText()).isEqualTo(task);
        assertThat(elements(document.path("trials"))).isEqualTo(Fixtures.trials(mixed.scripted(), task));
    }

    @Test
    void comparingTwoRunsListsTheTasksWhoseMeanScoreChangedAndThePairedDifference() throws Exception {
        JsonNode compare = get(documents(), "api", "compare", "mixed-scripted", "mixed-oracle");

        Map<String, Double> before = Fixtures.meanScores(mixed.scripted());
        Map<String, Double> after = Fixtures.meanScores(mixed.oracle());
        List<String> changed = before.keySet().stream().filter(task -> !before.get(task).equals(after.get(task)))
                .sorted(TaskIds.ORDER).toList();
        assertThat(compare.path("comparable").asBoolean()).isTrue();
        assertThat(compare.path("flips")).extracting(flip -> flip.path("task").asText()).containsExactlyElementsOf(changed);
        assertThat(compare.path("flips")).allSatisfy(flip -> assertThat(flip.path("direction").asText()).isEqualTo("better"));
        double meanDifference = before.keySet().stream().mapToDouble(task -> after.get(task) - before.get(task)).average().orElseThrow();
        assertThat(compare.path("paired").path("tasks").asInt()).isEqualTo(before.size());
        assertThat(compare.path("paired").path("mean_difference").asDouble()).isCloseTo(meanDifference, within(1e-12));
        assertThat(compare.path("paired").path("ci95").get(0).asDouble()).isLessThan(meanDifference);
        assertThat(compare.path("comparison").path("difference").asDouble()).as("assay compare's figures, carried whole")
                .isCloseTo(meanDifference, within(1e-12));
        assertThat(compare.path("comparison").path("ci95")).isEqualTo(compare.path("paired").path("ci95"));
        assertThat(compare.path("comparison").path("flipped").has("a_only")).isTrue();
    }

    @Test
    void runsOfDifferentSuitesAreNotComparedAndThePageIsToldWhy() throws Exception {
        JsonNode compare = get(documents(), "api", "compare", "mixed-oracle", "xss-oracle");

        assertThat(compare.path("comparable").asBoolean()).isFalse();
        assertThat(compare.path("problem").asText()).startsWith("the runs graded different suites: mixed-oracle ran sums@1.0.0 (sha256:");
        assertThat(compare.path("flips")).isEmpty();
        assertThat(compare.path("paired").isNull()).isTrue();
    }

    @Test
    void nothingIsFoundForUnknownIdsOrPathsOutsideTheApi() {
        Documents documents = documents();

        assertThat(documents.get(List.of("api", "runs", "no-such-run"))).isEmpty();
        assertThat(documents.get(List.of("api", "runs", "mixed-oracle", "tasks", "no-such-task"))).isEmpty();
        assertThat(documents.get(List.of("api", "runs", "mixed-oracle", "trials"))).isEmpty();
        assertThat(documents.get(List.of("api", "runs", "mixed-oracle", "tasks", "a", "b"))).isEmpty();
        assertThat(documents.get(List.of("api", "audits", "manifest"))).isEmpty();
        assertThat(documents.get(List.of("api", "compare", "mixed-oracle"))).isEmpty();
        assertThat(documents.get(List.of("runs", "mixed-oracle"))).isEmpty();
    }

    private static JsonNode rowOf(JsonNode index, String id) {
        for (JsonNode row : index.path("runs")) {
            if (row.path("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no run " + id + " in " + index);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }


    private static void deleteRun(Path run) throws Exception {
        try (var files = Files.list(run)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(run);
    }
}

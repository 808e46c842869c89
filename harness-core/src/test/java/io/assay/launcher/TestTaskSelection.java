package io.assay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.core.json.Json;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestTaskSelection {
    /** q0..q19; level alternates easy/hard, points = index % 4 (a number), tags hold "even" or "odd". */
    private static final Suite SUITE = suite(20);

    private static Suite suite(int tasks) {
        List<Task> list = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("level", i % 2 == 0 ? "easy" : "hard");
            metadata.put("points", i % 4);
            metadata.put("reviewed", i < 5);
            metadata.put("tags", List.of(i % 2 == 0 ? "even" : "odd", "quiz"));
            list.add(new Task("q" + i, "prompt " + i, i, null, metadata, null));
        }
        return new Suite("quiz", "1", "", "recall", null, Options.empty(), Options.of(Map.of("type", "exact")), list,
                Path.of("quiz"), "sha256:0");
    }

    private static List<String> ids(TaskSelection selection, long seed) {
        return selection.applyTo(SUITE, seed).tasks().stream().map(Task::id).toList();
    }

    private static List<String> select(List<String> tasks, List<String> filters, Integer sample, Integer limit) {
        return ids(TaskSelection.parse(tasks, filters, sample, limit), 0);
    }

    @Test
    void selectingNothingKeepsTheSuiteAsItIs() {
        assertThat(TaskSelection.parse(List.of(), List.of(), null, null).isAll()).isTrue();
        assertThat(TaskSelection.ALL.applyTo(SUITE, 0)).isSameAs(SUITE);
    }

    @Test
    void taskGlobsKeepTheMatchingTasksInSuiteOrder() {
        assertThat(select(List.of("q1*"), List.of(), null, null))
                .containsExactly("q1", "q10", "q11", "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19");
        assertThat(select(List.of("q?"), List.of(), null, null)).hasSize(10).startsWith("q0").endsWith("q9");
        assertThat(select(List.of("q7", "q3"), List.of(), null, null)).as("any pattern, suite order").containsExactly("q3", "q7");
        assertThat(select(List.of("q1"), List.of(), null, null)).as("an id without wildcards is exact").containsExactly("q1");
    }

    @Test
    void aTaskPatternMatchingNothingIsAnErrorEvenBesideOnesThatMatch() {
        assertThatThrownBy(() -> select(List.of("q1", "x*", "q99"), List.of(), null, null))
                .isInstanceOf(InputException.class)
                .hasMessage("--task x*, --task q99 match no task of suite quiz")
                .extracting(e -> ((InputException) e).hint()).asString()
                .contains("q0, q1, q2, q3, q4, ...");
        assertThatThrownBy(() -> select(List.of("Q1"), List.of(), null, null))
                .as("ids are case-sensitive").hasMessageContaining("--task Q1 matches no task");
        assertThatThrownBy(() -> select(List.of("q."), List.of(), null, null))
                .as("only * and ? are wildcards").hasMessageContaining("--task q. matches no task");
    }

    @Test
    void filtersOnDifferentKeysMustAllHoldAndValuesOfOneKeyAreAlternatives() {
        assertThat(select(List.of(), List.of("level=hard", "points=1"), null, null))
                .containsExactly("q1", "q5", "q9", "q13", "q17");
        assertThat(select(List.of(), List.of("points=1", "points=2"), null, null))
                .containsExactly("q1", "q2", "q5", "q6", "q9", "q10", "q13", "q14", "q17", "q18");
        assertThat(select(List.of("q1*"), List.of("level=easy"), null, null)).as("--task and --filter both hold")
                .containsExactly("q10", "q12", "q14", "q16", "q18");
    }

    @Test
    void nonStringMetadataComparesByValue() {
        assertThat(select(List.of(), List.of("points=3.0"), null, null)).as("numbers numerically")
                .containsExactly("q3", "q7", "q11", "q15", "q19");
        assertThat(select(List.of(), List.of("reviewed=true"), null, null)).containsExactly("q0", "q1", "q2", "q3", "q4");
        assertThat(select(List.of(), List.of("tags=odd"), null, 3)).as("a list matches by its elements")
                .containsExactly("q1", "q3", "q5");
        assertThat(TaskSelection.matches("easy", "Easy")).as("strings exactly").isFalse();
        assertThat(TaskSelection.matches(true, "True")).isFalse();
        assertThat(TaskSelection.matches(2, "two")).isFalse();
        assertThat(TaskSelection.matches(null, "null")).isFalse();
        assertThat(TaskSelection.matches(Map.of("a", "b"), "{a=b}")).isFalse();
    }

    @Test
    void aFilterThatKeepsNothingIsAnErrorThatSaysWhy() {
        assertThatThrownBy(() -> select(List.of(), List.of("levle=easy"), null, null))
                .isInstanceOf(InputException.class)
                .hasMessage("the selection --filter levle=easy matches no task of suite quiz (20 tasks)")
                .extracting(e -> ((InputException) e).hint()).asString()
                .isEqualTo("no task has metadata key 'levle' (keys: level, points, reviewed, tags)");
        assertThatThrownBy(() -> select(List.of("q1"), List.of("level=easy"), null, null))
                .hasMessage("the selection --task q1 --filter level=easy matches no task of suite quiz (20 tasks)")
                .extracting(e -> ((InputException) e).hint()).asString()
                .isEqualTo("level takes easy, hard");
    }

    @Test
    void limitKeepsTheFirstTasksAfterTheOtherSelections() {
        assertThat(select(List.of(), List.of(), null, 3)).containsExactly("q0", "q1", "q2");
        assertThat(select(List.of(), List.of("level=hard"), null, 2)).containsExactly("q1", "q3");
        assertThat(select(List.of("q1?"), List.of(), null, 50)).as("at most N").hasSize(10);
    }

    @Test
    void aSampleIsReproducibleFromItsSeedAndInSuiteOrder() {
        TaskSelection sample = TaskSelection.parse(List.of(), List.of(), 5, null);

        List<String> first = ids(sample, 7);
        assertThat(first).hasSize(5).doesNotHaveDuplicates().isEqualTo(ids(sample, 7));
        assertThat(first).isSortedAccordingTo((a, b) -> Integer.compare(index(a), index(b)));
        Set<List<String>> drawn = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            drawn.add(ids(sample, seed));
        }
        assertThat(drawn).as("other seeds draw other tasks").hasSizeGreaterThan(5);
        assertThat(ids(TaskSelection.parse(List.of(), List.of("level=easy"), 4, null), 7))
                .hasSize(4).allMatch(id -> index(id) % 2 == 0);
        assertThat(ids(TaskSelection.parse(List.of(), List.of(), 30, null), 7)).as("at most N").hasSize(20);
    }

    @Test
    void theSampleIsFixedAcrossVersionsForAGivenSeed() {
        // java.util.Random's sequence is specified; this pins the draw so resume and reruns select the same tasks.
        assertThat(ids(TaskSelection.parse(List.of(), List.of(), 5, null), 0)).containsExactly("q0", "q5", "q6", "q14", "q15");
    }

    @Test
    void limitAppliesToTheSample() {
        List<String> sample = ids(TaskSelection.parse(List.of(), List.of(), 6, null), 3);
        assertThat(ids(TaskSelection.parse(List.of(), List.of(), 6, 2), 3)).isEqualTo(sample.subList(0, 2));
    }

    @Test
    void badSelectionsAreRefusedWhenParsed() {
        assertThatThrownBy(() -> TaskSelection.parse(List.of(), List.of("level"), null, null))
                .isInstanceOf(InputException.class).hasMessage("--filter 'level' is not KEY=VALUE");
        assertThatThrownBy(() -> TaskSelection.parse(List.of(), List.of("=easy"), null, null))
                .hasMessage("--filter '=easy' is not KEY=VALUE");
        assertThatThrownBy(() -> TaskSelection.parse(List.of(), List.of(), null, 0))
                .hasMessage("--limit must be at least 1, got 0");
        assertThatThrownBy(() -> TaskSelection.parse(List.of(), List.of(), -2, null))
                .hasMessage("--sample must be at least 1, got -2");
        assertThatThrownBy(() -> TaskSelection.parse(List.of(" "), List.of(), null, null))
                .hasMessageContaining("--task needs a task id");
        assertThat(TaskSelection.parse(List.of(), List.of("note=a=b"), null, null).filters())
                .as("the value may hold =").containsEntry("note", List.of("a=b"));
    }

    @Test
    void roundTripsThroughJsonAsTheManifestRecordsIt() throws Exception {
        TaskSelection selection = TaskSelection.parse(List.of("q1*"), List.of("level=easy", "level=hard"), 4, 2);

        String json = Json.write(selection);

        assertThat(json).isEqualTo("{\"tasks\":[\"q1*\"],\"filters\":{\"level\":[\"easy\",\"hard\"]},\"sample\":4,\"limit\":2}");
        assertThat(Json.MAPPER.readValue(json, TaskSelection.class)).isEqualTo(selection);
        assertThat(Json.write(TaskSelection.parse(List.of(), List.of(), null, 3))).isEqualTo("{\"limit\":3}");
        assertThat(Json.MAPPER.readValue("{\"limit\":3}", TaskSelection.class).tasks()).isEmpty();
        assertThat(selection).hasToString("--task q1* --filter level=easy --filter level=hard --sample 4 --limit 2");
    }

    @Test
    void aSplitIsASelectionTheLoaderApplies() throws Exception {
        TaskSelection split = TaskSelection.parse(List.of(), List.of(), null, 2).withSplit("test");

        assertThat(TaskSelection.ALL.withSplit("test").isAll()).as("recorded, though no task is dropped here").isFalse();
        assertThat(ids(TaskSelection.ALL.withSplit("test"), 0)).as("the loaded tasks all stay").hasSize(20);
        assertThat(ids(split, 0)).hasSize(2);
        assertThat(split).hasToString("--split test --limit 2");
        assertThat(Json.write(split)).isEqualTo("{\"split\":\"test\",\"limit\":2}");
        assertThat(Json.MAPPER.readValue(Json.write(split), TaskSelection.class)).isEqualTo(split);
        assertThatThrownBy(() -> TaskSelection.ALL.withSplit(" ")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--split needs the name of one of the benchmark's splits");
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }
}

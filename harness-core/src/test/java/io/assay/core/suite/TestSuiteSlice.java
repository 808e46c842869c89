package io.assay.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slice reads back the suite and tasks it was written with, equal in every field, or is refused whole. */
class TestSuiteSlice {
    @TempDir
    Path temp;

    private static final Suite SUITE = new Suite("s", "2", "described", "measured", "CANARY-1",
            new Options("environment", Map.of("type", "docker", "cpus", new BigDecimal("1.5"))),
            new Options("reward", Map.of("type", "exact")), List.of(), Path.of("/suites/s"), "sha256:abc");

    /** Every type a suite file reads as ({@link DocumentReader}), in maps and lists, and the odd edges of each. */
    private static Task plainTask(String id) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("level", "hard");
        metadata.put("small", 3);
        metadata.put("large", 5_000_000_000L);
        metadata.put("huge", new BigInteger("123456789012345678901234567890"));
        metadata.put("decimal", new BigDecimal("2.50"));
        metadata.put("exponent", new BigDecimal("1E+3"));
        metadata.put("flag", false);
        metadata.put("nothing", null);
        metadata.put("nested", Map.of("list", List.of(1, "two", Map.of("three", true))));
        return new Task(id, "say \"" + id + "\"\nnow", List.of("a", 1), Map.of("steps", List.of()), metadata,
                new Options("tasks.jsonl:2.reward", Map.of("type", "regex", "pattern", "\\d+")), List.of("turn 1", "turn 2"));
    }

    @Test
    void readsBackTheSuiteAndEveryTaskEqualToWhatWasWritten() throws Exception {
        Path file = temp.resolve("slice.jsonl");
        List<Task> tasks = List.of(plainTask("t1"), new Task("t2", "", null, null, null, null), plainTask("t3"));
        try (SuiteSlice.Writer slice = SuiteSlice.writer(file, "run 1 shard 0-of-2", SUITE)) {
            for (Task task : tasks) {
                slice.add(task);
            }
        }

        Suite read = SuiteSlice.read(file, "run 1 shard 0-of-2").orElseThrow();

        assertThat(read).isEqualTo(new Suite(SUITE.id(), SUITE.version(), SUITE.description(), SUITE.measures(), SUITE.canary(),
                SUITE.environment(), SUITE.reward(), tasks, SUITE.directory(), SUITE.contentHash()));
        Map<String, Object> metadata = read.tasks().getFirst().metadata();
        assertThat(Arrays.asList(metadata.get("small"), metadata.get("large"), metadata.get("huge"), metadata.get("decimal")))
                .as("each number as the suite file gave it, type and scale").extracting(Object::getClass)
                .containsExactly((Class) Integer.class, Long.class, BigInteger.class, BigDecimal.class);
        assertThat(metadata.get("decimal")).hasToString("2.50");
        assertThat(metadata.keySet()).as("in the suite's order").containsExactly("level", "small", "large", "huge", "decimal",
                "exponent", "flag", "nothing", "nested");
    }

    @Test
    void aSliceBoundToAnotherRunOrMissingReadsAsNone() throws Exception {
        Path file = temp.resolve("slice.jsonl");
        try (SuiteSlice.Writer slice = SuiteSlice.writer(file, "run 1", SUITE)) {
            slice.add(plainTask("t1"));
        }

        assertThat(SuiteSlice.read(file, "run 2")).isEmpty();
        assertThat(SuiteSlice.read(temp.resolve("absent.jsonl"), "run 1")).isEmpty();
    }

    @Test
    void aDamagedSliceIsAnErrorNamingTheFile() throws IOException {
        Path torn = temp.resolve("torn.jsonl");
        Files.writeString(torn, "{\"binding\":\"run 1\",\"id\":\"s\"}\n{\"id\":\"t1\",\"prompt\":");
        Path wrong = temp.resolve("wrong.jsonl");
        Files.writeString(wrong, "{\"binding\":\"run 1\",\"id\":\"s\"}\n{\"id\":7}\n");

        assertThatThrownBy(() -> SuiteSlice.read(torn, "run 1")).isInstanceOf(IOException.class).hasMessageContaining("torn.jsonl");
        assertThatThrownBy(() -> SuiteSlice.read(wrong, "run 1")).isInstanceOf(IOException.class)
                .hasMessageContaining("wrong.jsonl is not a suite slice");
    }

    @Test
    void valuesThatWouldNotReadBackEqualAreRefused() throws IOException {
        List<Object> notPlain = List.of(1.5, 7L, BigInteger.TEN, new BigDecimal("4"), new StringBuilder("text"),
                Map.of(1, "key not a string"), 'c');
        for (Object value : notPlain) {
            Path file = temp.resolve("refused.jsonl");
            assertThatThrownBy(() -> {
                try (SuiteSlice.Writer slice = SuiteSlice.writer(file, "run 1", SUITE)) {
                    slice.add(new Task("t1", "", value, null, null, null));
                }
            }).as("%s (%s)", value, value.getClass().getSimpleName()).isInstanceOf(SuiteSlice.NotPlainData.class);
        }
    }
}

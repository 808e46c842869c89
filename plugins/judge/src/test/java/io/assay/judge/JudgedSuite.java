package io.assay.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a small declarative suite graded by a judge at a given endpoint, as tests need it: the
 * fake judge's port is only known at test time.
 */
final class JudgedSuite {
    /** Task id to reference answer. */
    static final Map<String, String> ANSWERS = Map.of("france", "Paris", "japan", "Tokyo", "sum", "42");
    private static final List<String> IDS = List.of("france", "japan", "sum");

    private JudgedSuite() {
    }

    /** A suite of three tasks whose reward is {@code reward} (a YAML flow mapping). */
    static Path write(Path directory, String reward) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("suite.yaml"),
                "id: capitals\nversion: '1'\nmeasures: naming capitals and adding\nreward: " + reward + "\n");
        Files.writeString(directory.resolve("tasks.jsonl"), IDS.stream()
                .map(id -> "{\"id\": \"" + id + "\", \"prompt\": \"Question " + id + "?\", \"answer\": \"" + ANSWERS.get(id) + "\"}")
                .collect(Collectors.joining("\n", "", "\n")));
        return directory;
    }

    /** A suite graded by the judge at {@code server}, its key in the variable the surefire configuration sets. */
    static Path write(Path directory, JudgeServer server) throws IOException {
        return write(directory, "{type: judge, model: openai/judge-test, base_url: '" + server.baseUrl()
                + "', api_key_env: ASSAY_TEST_JUDGE_KEY, max_attempts: 1,"
                + " rubric: 'The answer states the reference answer and nothing that contradicts it.'}");
    }

    /** {@code count} labels cycling over the tasks, alternately the reference (true) and a wrong answer (false). */
    static void writeLabels(Path directory, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = IDS.get(i % IDS.size());
            boolean correct = i % 2 == 0;
            lines.add("{\"task_id\": \"" + id + "\", \"output\": \"" + (correct ? ANSWERS.get(id) : "wrong " + i)
                    + "\", \"label\": " + correct + "}");
        }
        Files.write(directory.resolve(LabelsFile.NAME), lines);
    }
}

package io.assay.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.launcher.Assay;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunResult;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Real run folders and a real audit report for the viewer to show, made as a user makes them: suite
 * files on disk, run through the engine's facade with the built-in agents and checks. Each method
 * takes a work folder the test owns, writes suites to its {@code suites/} and runs and audit reports
 * to {@link #served its folder the viewer serves}, and returns where they are.
 */
public final class Fixtures {
    public static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Epochs of the mixed run. */
    public static final int EPOCHS = 3;
    /**
     * The mixed run's tasks and what the scripted agent does in each epoch: {@code p} the right
     * answer, {@code f} a wrong one, {@code -} no prediction (an agent error). Task {@code n} is
     * {@code 10 + n} plus {@code 3n}. The ids are numbers, so that {@code 10} comes after {@code 9}
     * only where ids are ordered as people read them.
     */
    public static final Map<String, String> MIXED = orderedMap(
            "1", "ppp", "2", "ppp", "3", "ppp", "4", "ppp", "5", "ppp", "6", "fff",
            "7", "ppp", "8", "pfp", "9", "fff", "10", "fpf", "11", "---", "12", "ppp");
    /** The answers the XSS run's agent replies, each of which would run script if it became markup. */
    public static final List<String> PAYLOADS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=\"window.__xss=1\"></svg>",
            "</textarea></pre><script>alert(document.domain)</script>");

    private static Assay engine;

    private Fixtures() {
    }

    /** The engine with the built-in plugins on the test class path (agents-suite, reward-basic); opened once. */
    public static synchronized Assay engine() {
        if (engine == null) {
            engine = Assay.open(List.of());
        }
        return engine;
    }

    /** The folder of {@code work} the viewer is given: runs, and audit reports in {@code audits/}. */
    public static Path served(Path work) {
        return work.resolve("runs");
    }

    /** Runs {@code agent} on {@code suite} into {@code out}. */
    public static RunResult run(Path suite, String agent, Options agentOptions, int epochs, Path out) throws Exception {
        RunSettings settings = RunSettings.builder(suite, agent).agentOptions(agentOptions).epochs(epochs).out(out).build();
        return engine().start(settings).execute(ProgressListener.NONE);
    }

    /**
     * The mixed suite ({@link #MIXED}: sums graded {@code numeric}, segmented by difficulty and
     * topic) run twice into {@code work}: by the scripted agent ({@code mixed-scripted}, some
     * tasks passed, some failed, one flaky in each direction, one agent error) and by the oracle
     * ({@code mixed-oracle}, every task passed), for the run, tasks, trial and compare pages.
     */
    public static MixedRuns mixedRuns(Path work) throws Exception {
        Path suite = work.resolve("suites/sums");
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<Map<String, Object>> predictions = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> task : MIXED.entrySet()) {
            n++;
            int a = 10 + n;
            int b = 3 * n;
            tasks.add(orderedMap("id", task.getKey(), "prompt", "What is " + a + " + " + b + "? Reply with the number.",
                    "answer", a + b, "metadata", orderedMap("difficulty", n % 3 == 0 ? "hard" : n % 2 == 0 ? "medium" : "easy",
                            "topic", n <= 6 ? "small sums" : "larger sums")));
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                char plan = task.getValue().charAt(epoch);
                if (plan != '-') {
                    predictions.add(orderedMap("task_id", task.getKey(), "epoch", epoch,
                            "output", plan == 'p' ? "The sum is " + (a + b) : "The sum is " + (a + b + 1)));
                }
            }
        }
        writeSuite(suite, """
                id: sums
                version: "1.0.0"
                description: Twelve sums, for the viewer's tests.
                measures: Adding two whole numbers.
                reward: {type: numeric, extract: last}
                """, tasks);
        Path script = writeJsonLines(work.resolve("suites/sums-predictions.jsonl"), predictions);
        Path scripted = served(work).resolve("mixed-scripted");
        Path oracle = served(work).resolve("mixed-oracle");
        run(suite, "scripted", Options.of(Map.of("file", script.toString())), EPOCHS, scripted);
        run(suite, "oracle", Options.empty(), EPOCHS, oracle);
        return new MixedRuns(scripted, oracle);
    }

    /**
     * The XSS run ({@code xss-oracle}): task ids, prompts, metadata keys and values, reference
     * answers and the suite's description are {@link #PAYLOADS}, so the oracle replies them and the
     * check's explanation quotes them.
     */
    public static Path xssRun(Path work) throws Exception {
        Path suite = work.resolve("suites/xss");
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            String other = PAYLOADS.get((i + 1) % PAYLOADS.size());
            tasks.add(orderedMap("id", i == 1 ? payload : "xss-" + i, "prompt", "Say exactly: " + other,
                    "answer", payload, "metadata", orderedMap("topic", other, PAYLOADS.get(1), payload)));
        }
        writeSuite(suite, """
                id: xss
                version: "1.0.0"
                description: "<script>window.__xss=1</script> every text in this suite is hostile"
                measures: "<img src=x onerror=\\"window.__xss=1\\">"
                reward: {type: exact}
                """, tasks);
        Path run = served(work).resolve("xss-oracle");
        run(suite, "oracle", Options.empty(), 1, run);
        return run;
    }

    /**
     * A run of {@code tasks} sums times {@code epochs} ({@code large-scripted}): tasks {@code 1} to
     * {@code tasks}, every tenth answered wrongly in every epoch, the rest right, segmented by parity.
     */
    public static Path largeRun(Path work, int tasks, int epochs) throws Exception {
        Path suite = work.resolve("suites/large");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), """
                id: large
                version: "1.0.0"
                description: Many sums, for the viewer's scale tests.
                measures: Adding two whole numbers, many times.
                reward: {type: numeric}
                """);
        Path predictions = work.resolve("suites/large-predictions.jsonl");
        try (BufferedWriter taskFile = Files.newBufferedWriter(suite.resolve("tasks.jsonl"));
             BufferedWriter predictionFile = Files.newBufferedWriter(predictions)) {
            for (int i = 1; i <= tasks; i++) {
                taskFile.write(JSON.writeValueAsString(orderedMap("id", String.valueOf(i), "prompt", "What is " + i + " + 1?",
                        "answer", i + 1, "metadata", Map.of("parity", i % 2 == 0 ? "even" : "odd"))));
                taskFile.newLine();
                predictionFile.write(JSON.writeValueAsString(orderedMap("task_id", String.valueOf(i),
                        "output", String.valueOf(i % 10 == 0 ? i : i + 1))));
                predictionFile.newLine();
            }
        }
        Path run = served(work).resolve("large-scripted");
        run(suite, "scripted", Options.of(Map.of("file", predictions.toString())), epochs, run);
        return run;
    }

    /** The audit of {@code examples/flawed/answer-stuffing}, as {@code assay audit --format json} writes it, in {@code audits/}. */
    public static Path auditReport(Path work) throws Exception {
        Path suite = Path.of(System.getProperty("assay.repoRoot", "..")).resolve("examples/flawed/answer-stuffing");
        String json = engine().audit(suite, new AuditSettings(3, Duration.ofSeconds(30), List.of()), probe -> { }).json();
        Path file = served(work).resolve("audits/answer-stuffing.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    /** The scripted run and the oracle's run of the same suite. */
    public record MixedRuns(Path scripted, Path oracle) {
    }

    private static void writeSuite(Path suite, String yaml, List<Map<String, Object>> tasks) throws IOException {
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), yaml);
        writeJsonLines(suite.resolve("tasks.jsonl"), tasks);
    }

    private static Path writeJsonLines(Path file, List<Map<String, Object>> lines) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> text = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            text.add(JSON.writeValueAsString(line));
        }
        return Files.write(file, text);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }

    /** The run's trial lines, as {@code trials.jsonl} holds them: what the pages must show, read without the viewer. */
    public static List<JsonNode> trials(Path run) throws IOException {
        List<JsonNode> trials = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("trials.jsonl"))) {
            trials.add(JSON.readTree(line));
        }
        return trials;
    }

    /** The run's trials of {@code task}, in epoch order. */
    public static List<JsonNode> trials(Path run, String task) throws IOException {
        return trials(run).stream().filter(trial -> trial.path("task").asText().equals(task))
                .sorted(Comparator.comparingInt(trial -> trial.path("epoch").asInt())).toList();
    }

    /** Each task's mean score over its epochs (a trial without a score counts 0). */
    public static Map<String, Double> meanScores(Path run) throws IOException {
        return trials(run).stream().collect(Collectors.groupingBy(trial -> trial.path("task").asText(),
                TreeMap::new, Collectors.averagingDouble(trial -> trial.path("score").asDouble(0))));
    }

    public static JsonNode summary(Path run) throws IOException {
        return JSON.readTree(run.resolve("summary.json").toFile());
    }

    /** Copies the folder {@code from}, with everything in it, to {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

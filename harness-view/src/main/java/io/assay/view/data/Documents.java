package io.assay.view.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.kit.TaskIds;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.ScoreStatistics;
import io.assay.rank.RunTasks;
import io.assay.rank.compare.ComparisonJson;
import io.assay.rank.compare.PairedTask;
import io.assay.rank.compare.RunComparison;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON documents the pages read, by API path ({@code api/index}, {@code api/runs/ID},
 * {@code api/runs/ID/tasks}, {@code api/runs/ID/tasks/TASK}, {@code api/audits/ID},
 * {@code api/compare/A/B}); docs/viewer.md describes each. Every figure comes from the run's own
 * files; nothing is computed here that the summary does not already state, but for the agent-time
 * percentiles and the comparison, which is {@code assay compare}'s own ({@link RunComparison}).
 */
public final class Documents {
    private final Catalog catalog;
    private final Map<Path, CachedRow> rows = new ConcurrentHashMap<>();

    public Documents(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The document at {@code path}, its segments decoded, or empty when there is none (an unknown
     * run, task or audit, or a path that is not the API's).
     */
    public Optional<byte[]> get(List<String> path) {
        if (path.size() < 2 || !path.get(0).equals("api")) {
            return Optional.empty();
        }
        return switch (path.get(1)) {
            case "index" -> path.size() == 2 ? Optional.of(index()) : Optional.empty();
            case "runs" -> runDocument(path.subList(2, path.size()));
            case "audits" -> path.size() == 3 ? audit(path.get(2)) : Optional.empty();
            case "compare" -> path.size() == 4 ? compare(path.get(2), path.get(3)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<byte[]> runDocument(List<String> rest) {
        if (rest.isEmpty() || rest.size() > 3 || (rest.size() > 1 && !rest.get(1).equals("tasks"))) {
            return Optional.empty();
        }
        Optional<RunIndex> run = catalog.run(rest.get(0));
        if (run.isEmpty()) {
            return Optional.empty();
        }
        return switch (rest.size()) {
            case 1 -> Optional.of(run(rest.get(0), run.get()));
            case 2 -> Optional.of(tasks(run.get()));
            default -> task(run.get(), rest.get(2));
        };
    }

    /** {@code api/index}: every run and audit report, newest run first; a run that cannot be read is a problem line. */
    public byte[] index() {
        catalog.scan();
        ObjectNode root = ViewJson.MAPPER.createObjectNode();
        List<ObjectNode> rows = new ArrayList<>();
        ArrayNode problems = ViewJson.MAPPER.createArrayNode();
        catalog.problems().forEach(problems::add);
        catalog.runs().forEach((id, directory) -> {
            try {
                rows.add(runRow(id, directory));
            } catch (InputException | UncheckedIOException e) {
                problems.add(e.getMessage().replace('\n', ' ')); // the message names the file
            } catch (RuntimeException e) {
                problems.add(directory + ": cannot be read as a run: " + e);
            }
        });
        rows.sort(Comparator.comparing((ObjectNode row) -> row.path("started").asText()).reversed());
        root.putArray("runs").addAll(rows);
        ArrayNode audits = root.putArray("audits");
        catalog.audits().forEach((id, file) -> {
            try {
                audits.add(auditRow(id, file.getFileName().toString(), ViewJson.MAPPER.readTree(file.toFile())));
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
            }
        });
        root.set("problems", problems);
        return bytes(root);
    }

    /**
     * A run's row: from its {@code summary.json} when the run has ended and the summary is newer
     * than its trials, so listing many large runs reads no trials; else from the trials themselves,
     * and then kept until its files change, so a run left {@code running} by a crash is not read
     * again each time the runs page is shown.
     */
    private ObjectNode runRow(String id, Path directory) {
        Stamp stamp = Stamp.of(directory);
        CachedRow cached = rows.get(directory);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.row().deepCopy().put("id", id);
        }
        ObjectNode row = freshRow(id, directory);
        rows.put(directory, new CachedRow(stamp, row));
        return row;
    }

    /** When a run's files last changed, and how long its trials are. */
    private record Stamp(FileTime manifest, FileTime trials, long trialBytes) {
        static Stamp of(Path directory) {
            try {
                Path trials = directory.resolve("trials.jsonl");
                boolean any = Files.exists(trials);
                return new Stamp(Files.getLastModifiedTime(directory.resolve("manifest.json")),
                        any ? Files.getLastModifiedTime(trials) : null, any ? Files.size(trials) : -1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + directory, e);
            }
        }
    }

    private record CachedRow(Stamp stamp, ObjectNode row) {
    }

    private ObjectNode freshRow(String id, Path directory) {
        Optional<RunIndex> indexed = catalog.indexed(id);
        JsonNode manifest;
        JsonNode summary;
        if (indexed.isEmpty() && endedWithSummary(directory)) {
            manifest = read(directory.resolve("manifest.json"));
            summary = read(directory.resolve("summary.json"));
        } else {
            RunIndex.Snapshot run = catalog.run(id).orElseThrow().snapshot();
            manifest = ViewJson.MAPPER.valueToTree(run.manifest());
            summary = ViewJson.MAPPER.valueToTree(run.summary());
        }
        ObjectNode row = ViewJson.MAPPER.createObjectNode();
        row.put("id", id);
        row.set("suite", manifest.path("suite").path("id"));
        row.set("suite_version", manifest.path("suite").path("version"));
        row.set("content_hash", manifest.path("suite").path("content_hash"));
        row.set("agent", manifest.path("agent").path("name"));
        row.set("model", model(manifest, summary));
        row.set("started", manifest.path("started"));
        row.set("status", manifest.path("status"));
        row.set("trials", summary.path("trials"));
        row.set("expected_trials", summary.path("expected_trials"));
        row.set("score", summary.path("score"));
        row.set("pass_rate", summary.path("pass_rate"));
        row.set("errors", summary.path("errors"));
        row.set("harness_errors", summary.path("outcomes").path("harness_error"));
        row.set("cost_usd", summary.path("usage").path("cost_usd").isMissingNode() ? null : summary.path("usage").path("cost_usd"));
        return row;
    }

    /** The agent's model option, else the one model the summary saw called, else null. */
    private static JsonNode model(JsonNode manifest, JsonNode summary) {
        JsonNode option = manifest.path("agent").path("options").path("model");
        if (option.isTextual()) {
            return option;
        }
        JsonNode models = summary.path("usage").path("models");
        return models.size() == 1 ? ViewJson.MAPPER.getNodeFactory().textNode(models.fieldNames().next()) : null;
    }

    private static boolean endedWithSummary(Path directory) {
        try {
            Path summary = directory.resolve("summary.json");
            if (!Files.exists(summary)) {
                return false;
            }
            JsonNode manifest = read(directory.resolve("manifest.json"));
            Path trials = directory.resolve("trials.jsonl");
            FileTime written = Files.getLastModifiedTime(summary);
            return !Manifest.RUNNING.equals(manifest.path("status").asText())
                    && (!Files.exists(trials) || written.compareTo(Files.getLastModifiedTime(trials)) >= 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /** An audit report's row: its suite, and how many findings and checklist items of each kind. */
    public static ObjectNode auditRow(String id, String file, JsonNode audit) {
        ObjectNode row = ViewJson.MAPPER.createObjectNode();
        row.put("id", id);
        row.set("suite", audit.path("suite"));
        row.put("file", file);
        Map<String, Integer> severities = new LinkedHashMap<>(Map.of("error", 0, "warning", 0, "info", 0));
        audit.path("findings").forEach(f -> severities.merge(f.path("severity").asText(), 1, Integer::sum));
        row.put("errors", severities.get("error"));
        row.put("warnings", severities.get("warning"));
        row.put("info", severities.get("info"));
        ObjectNode checklist = row.putObject("checklist");
        audit.path("checklist").forEach(item -> checklist.put(item.path("status").asText(),
                checklist.path(item.path("status").asText()).asInt() + 1));
        return row;
    }

    /** {@code api/runs/ID}: the manifest, the summary of the trials so far, and the agent's time per trial. */
    byte[] run(String id, RunIndex run) {
        RunIndex.Snapshot snapshot = run.snapshot();
        ObjectNode root = ViewJson.MAPPER.createObjectNode();
        root.put("id", id);
        root.put("live", Manifest.RUNNING.equals(snapshot.manifest().status()));
        root.set("manifest", ViewJson.MAPPER.valueToTree(snapshot.manifest()));
        root.set("summary", ViewJson.MAPPER.valueToTree(snapshot.summary()));
        double[] millis = snapshot.sortedAgentMillis();
        ObjectNode agent = root.putObject("latency").putObject("agent_ms");
        if (millis.length == 0) {
            agent.putNull("mean");
        } else {
            double sum = 0;
            for (double m : millis) {
                sum += m;
            }
            agent.put("mean", sum / millis.length);
            agent.put("p50", percentile(millis, 0.50));
            agent.put("p95", percentile(millis, 0.95));
            agent.put("max", millis[millis.length - 1]);
        }
        return bytes(root);
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {@code api/runs/ID/tasks}: every task with its trials' outcomes, in the order people read ids. */
    byte[] tasks(RunIndex run) {
        Map<String, List<RunIndex.Trial>> byTask = byTask(run.trialFigures());
        List<String> ids = new ArrayList<>(byTask.keySet());
        ids.sort(TaskIds.ORDER);
        TreeSet<String> keys = new TreeSet<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * ids.size() + 64);
        try (JsonGenerator json = ViewJson.MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("epochs", run.manifest().settings().epochs());
            json.writeArrayFieldStart("tasks");
            Map<String, RunTasks.TaskResult> results = run.runTasks().tasks();
            for (String id : ids) {
                Map<String, Object> metadata = run.metadata(id);
                keys.addAll(metadata.keySet());
                List<RunIndex.Trial> trials = byTask.get(id);
                trials.sort(Comparator.comparingInt(RunIndex.Trial::epoch));
                json.writeStartObject();
                json.writeStringField("id", id);
                json.writeObjectField("metadata", metadata);
                json.writeArrayFieldStart("trials");
                for (RunIndex.Trial trial : trials) {
                    json.writeStartObject();
                    json.writeNumberField("epoch", trial.epoch());
                    json.writeStringField("outcome", trial.outcome().name().toLowerCase(Locale.ROOT));
                    writeScore(json, "score", trial.score());
                    json.writeBooleanField("passed", trial.passed());
                    json.writeEndObject();
                }
                json.writeEndArray();
                writeScore(json, "mean_score", results.get(id).meanScore());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("segment_keys");
            for (String key : keys) {
                json.writeString(key);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A score, or null for none (a trial not scored, a task none of whose trials was). */
    private static void writeScore(JsonGenerator json, String field, Double score) throws IOException {
        if (score == null || score.isNaN()) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, score);
        }
    }

    /** {@code api/runs/ID/tasks/TASK}: the task's trials, each its line of trials.jsonl as recorded. */
    Optional<byte[]> task(RunIndex run, String task) {
        List<String> lines = run.lines(task);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = ViewJson.MAPPER.createGenerator(out)) {
            writeTask(json, task, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }

    /**
     * A task's document: {@code {"task": ID, "trials": [LINE, ...]}}. Each line is copied token by
     * token, not pasted, so a line that is more than one JSON value cannot add to the document.
     */
    public static void writeTask(JsonGenerator json, String task, List<String> lines) throws IOException {
        json.writeStartObject();
        json.writeStringField("task", task);
        json.writeArrayFieldStart("trials");
        for (String line : lines) {
            try (JsonParser parser = ViewJson.MAPPER.createParser(line)) {
                parser.nextToken();
                json.copyCurrentStructure(parser);
                if (parser.nextToken() != null) {
                    throw new InputException("a line of trials.jsonl for task " + task + " changed since it was read: "
                            + "it now holds more than one JSON value", "reload the run");
                }
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private Optional<byte[]> audit(String id) {
        Path file = catalog.audits().get(id);
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * {@code api/compare/A/B}: the tasks whose mean score changed from run A to run B, and the paired
     * difference of their per-task mean scores, when both runs graded the same suite version.
     */
    private Optional<byte[]> compare(String a, String b) {
        Optional<RunIndex> first = catalog.run(a);
        Optional<RunIndex> second = catalog.run(b);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode root = ViewJson.MAPPER.createObjectNode();
        root.set("a", runRow(a, first.get().directory()));
        root.set("b", runRow(b, second.get().directory()));
        RunTasks tasksA = first.get().runTasks();
        RunTasks tasksB = second.get().runTasks();
        root.put("comparable", tasksA.sameSuite(tasksB));
        if (!tasksA.sameSuite(tasksB)) {
            root.put("problem", "the runs graded different suites: " + a + " ran " + tasksA.suiteLabel() + ", "
                    + b + " ran " + tasksB.suiteLabel() + "; a per-task comparison needs the same tasks and graders");
            root.putArray("flips");
            root.putNull("paired");
            return Optional.of(bytes(root));
        }
        root.putNull("problem");
        RunComparison comparison = RunComparison.of(tasksA, tasksB);
        ArrayNode flips = ViewJson.MAPPER.createArrayNode();
        for (PairedTask pair : comparison.pairs()) {
            if (!pair.a().meanScore().equals(pair.b().meanScore())) {
                ObjectNode flip = flips.addObject();
                flip.put("task", pair.task());
                flip.set("a", flipSide(pair.a()));
                flip.set("b", flipSide(pair.b()));
                flip.put("direction", pair.b().meanScore() > pair.a().meanScore() ? "better" : "worse");
            }
        }
        root.put("tasks", comparison.pairs().size() + comparison.unscored());
        root.set("flips", flips);
        ScoreStatistics paired = comparison.overall().difference();
        ObjectNode difference = root.putObject("paired");
        difference.put("tasks", comparison.overall().tasks());
        difference.set("mean_difference", ViewJson.MAPPER.valueToTree(paired.mean()));
        difference.set("stderr", ViewJson.MAPPER.valueToTree(paired.stderr()));
        difference.set("ci95", ViewJson.MAPPER.valueToTree(paired.ci95()));
        root.put("only_in_a", comparison.onlyInA());
        root.put("only_in_b", comparison.onlyInB());
        // Everything `assay compare --format json` prints, so the page and the command state the same figures.
        root.set("comparison", ComparisonJson.tree(comparison));
        return Optional.of(bytes(root));
    }

    /** One side of a flip, as the compare page reads it: the task's mean score, passed and all trials. */
    private static ObjectNode flipSide(RunTasks.TaskResult result) {
        ObjectNode side = ViewJson.MAPPER.createObjectNode();
        side.set("mean_score", ViewJson.MAPPER.valueToTree(result.meanScore()));
        side.put("passed", result.passed());
        side.put("trials", result.trials());
        return side;
    }

    private static Map<String, List<RunIndex.Trial>> byTask(List<RunIndex.Trial> trials) {
        Map<String, List<RunIndex.Trial>> byTask = new LinkedHashMap<>();
        for (RunIndex.Trial trial : trials) {
            byTask.computeIfAbsent(trial.task(), t -> new ArrayList<>()).add(trial);
        }
        return byTask;
    }

    private static JsonNode read(Path file) {
        try {
            return ViewJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON: " + e.getMessage());
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return ViewJson.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

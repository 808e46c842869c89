package io.assay.core.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.spi.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link SummaryCalculator} has folded, as JSON another process reads back and adds to its
 * own ({@link SummaryCalculator#addAll}): each shard of a run writes its part when it finishes, and
 * the shard that combines the run adds the parts instead of reading every trial again. Exact: a
 * sum is written as the terms of its exact sum ({@link ExactSum#terms}), which Java's shortest
 * decimal form of a double reads back bit for bit. A task is an array: its id, graded trials,
 * passes, harness errors, the index of its segments in {@code segments} (key, value, key, value
 * ...), then the terms of its scores' sum.
 *
 * <pre>{@code
 * {"trials": 3, "errors": 1, "outcomes": {"completed": 2, "harness_error": 1}, "usage": {"calls": 0, ...},
 *  "segments": [["bucket", "b0"]], "tasks": [["t0", 1, 1, 0, 0, 1.0], ["t1", 1, 0, 1, 0, 0.0]]}
 * }</pre>
 */
public final class SummaryState {
    private static final Set<String> FIELDS = Set.of("trials", "errors", "outcomes", "usage", "segments", "tasks");
    /** The strings Jackson writes for the doubles JSON has no number for. */
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private SummaryState() {
    }

    /** Writes what {@code summary} has folded to {@code out}, which it leaves open. */
    public static void write(SummaryCalculator summary, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeNumberField("trials", summary.trials);
            json.writeNumberField("errors", summary.errors);
            json.writeObjectFieldStart("outcomes");
            for (Map.Entry<Outcome, Long> outcome : summary.outcomes.entrySet()) {
                json.writeNumberField(outcome.getKey().name().toLowerCase(Locale.ROOT), outcome.getValue());
            }
            json.writeEndObject();
            json.writeFieldName("usage");
            summary.usage.write(json);
            // Tasks share a few segment lists (one per bucket, say): each is written once, before the tasks.
            Map<List<Map.Entry<String, String>>, Integer> segments = new HashMap<>();
            json.writeArrayFieldStart("segments");
            for (TaskTally tally : summary.tallies.values()) {
                if (segments.putIfAbsent(tally.segments, segments.size()) == null) {
                    json.writeStartArray();
                    for (Map.Entry<String, String> segment : tally.segments) {
                        json.writeString(segment.getKey());
                        json.writeString(segment.getValue());
                    }
                    json.writeEndArray();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tasks");
            for (Map.Entry<String, TaskTally> entry : summary.tallies.entrySet()) {
                TaskTally tally = entry.getValue();
                json.writeStartArray();
                json.writeString(entry.getKey());
                json.writeNumber(tally.graded);
                json.writeNumber(tally.passed);
                json.writeNumber(tally.errors);
                json.writeNumber(segments.get(tally.segments));
                for (double term : tally.scoreTerms()) {
                    json.writeNumber(term);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * What {@link #write} wrote, as a calculator to add to another. The suite, agent and expected
     * trials are not part of it: the calculator it is added to has them.
     *
     * @throws IOException when it does not read as JSON
     * @throws IllegalArgumentException when a field is missing, a value is not of its type, or the
     *     counts do not add up (the trials are not the tasks' graded trials and errors, say)
     */
    public static SummaryCalculator read(InputStream in) throws IOException {
        SummaryCalculator summary = new SummaryCalculator(null, null, 0, null);
        List<List<Map.Entry<String, String>>> segments = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        try (JsonParser json = Json.MAPPER.getFactory().createParser(in).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, json);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                fields.add(field);
                json.nextToken();
                switch (field) {
                    case "trials" -> summary.trials = count(json);
                    case "errors" -> summary.errors = count(json);
                    case "outcomes" -> {
                        expect(json.currentToken(), JsonToken.START_OBJECT, json);
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            Outcome outcome = Outcome.valueOf(json.currentName().toUpperCase(Locale.ROOT));
                            json.nextToken();
                            summary.outcomes.put(outcome, count(json));
                        }
                    }
                    case "usage" -> summary.usage.addAll(ModelUsage.read(json.readValueAsTree()));
                    case "segments" -> {
                        for (JsonNode list : (JsonNode) json.readValueAsTree()) {
                            if (!list.isArray() || list.size() % 2 != 0) {
                                throw new IllegalArgumentException("segments: expected [key, value, ...], got " + list);
                            }
                            List<Map.Entry<String, String>> pairs = new ArrayList<>();
                            for (int i = 0; i < list.size(); i += 2) {
                                if (!list.get(i).isTextual() || !list.get(i + 1).isTextual()) {
                                    throw new IllegalArgumentException("segments: expected text, got " + list);
                                }
                                pairs.add(Map.entry(list.get(i).textValue(), list.get(i + 1).textValue()));
                            }
                            segments.add(List.copyOf(pairs));
                        }
                    }
                    case "tasks" -> readTasks(json, segments, summary.tallies);
                    default -> json.skipChildren();
                }
            }
        }
        if (!fields.containsAll(FIELDS)) {
            throw new IllegalArgumentException("expected the fields " + FIELDS + ", got " + fields);
        }
        long trials = 0;
        long errors = 0;
        for (TaskTally tally : summary.tallies.values()) {
            trials += tally.graded + tally.errors;
            errors += tally.errors;
        }
        long outcomes = summary.outcomes.values().stream().mapToLong(Long::longValue).sum();
        if (trials != summary.trials || errors != summary.errors || outcomes != summary.trials) {
            throw new IllegalArgumentException("the counts do not add up: " + summary.trials + " trials and " + summary.errors
                    + " errors, the tasks' " + trials + " and " + errors + ", the outcomes' " + outcomes + " trials");
        }
        return summary;
    }

    /** The tasks' array, after the segments it refers to. */
    private static void readTasks(JsonParser json, List<List<Map.Entry<String, String>>> segments,
                                  Map<String, TaskTally> tallies) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY, json);
        double[] terms = new double[8];
        while (json.nextToken() == JsonToken.START_ARRAY) {
            expect(json.nextToken(), JsonToken.VALUE_STRING, json);
            String id = json.getText();
            int[] counts = new int[4];
            for (int i = 0; i < counts.length; i++) {
                json.nextToken();
                long count = count(json);
                if (count > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("task " + id + ": " + count + " is more than a task's count can be");
                }
                counts[i] = (int) count;
            }
            if (counts[3] >= segments.size()) {
                throw new IllegalArgumentException("task " + id + " names segments " + counts[3] + " of " + segments.size());
            }
            if (counts[1] > counts[0]) {
                throw new IllegalArgumentException("task " + id + ": " + counts[1] + " passes of " + counts[0] + " graded trials");
            }
            int size = 0;
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                // A finite term is a number; an infinite or NaN one a string ("NaN"), as Jackson writes them.
                boolean number = token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT;
                if (!number && !(token == JsonToken.VALUE_STRING && NON_FINITE.contains(json.getText()))) {
                    throw new IllegalArgumentException("expected a number at " + json.currentLocation() + ", got " + json.getText());
                }
                if (size == terms.length) {
                    terms = Arrays.copyOf(terms, size * 2);
                }
                terms[size++] = json.getValueAsDouble();
            }
            TaskTally tally = new TaskTally(segments.get(counts[3]));
            tally.merge(counts[0], counts[1], counts[2], Arrays.copyOf(terms, size));
            tallies.put(id, tally);
        }
        expect(json.currentToken(), JsonToken.END_ARRAY, json);
    }

    /** A count: a whole number, at least 0. */
    private static long count(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT || json.getLongValue() < 0) {
            throw new IllegalArgumentException("expected a count at " + json.currentLocation() + ", got " + json.getText());
        }
        return json.getLongValue();
    }

    private static void expect(JsonToken token, JsonToken expected, JsonParser json) {
        if (token != expected) {
            throw new IllegalArgumentException("expected " + expected + " at " + json.currentLocation() + ", got " + token);
        }
    }
}

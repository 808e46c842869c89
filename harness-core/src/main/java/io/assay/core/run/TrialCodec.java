package io.assay.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.assay.core.json.Json;
import io.assay.core.json.ReadLimits;
import io.assay.core.results.ModelUsage;
import io.assay.spi.AgentOutput;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import io.assay.spi.RewardResult;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of {@code trials.jsonl}: a {@link TrialRecord} plus the task's metadata, so a run
 * directory can be summarised and reported without the suite that produced it.
 */
public final class TrialCodec {
    /** A line is one object: text after it is an error, not ignored. */
    private static final ObjectReader LINE = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TrialCodec() {
    }

    /** A trial read back from a run directory. */
    public record StoredTrial(TrialRecord record, Map<String, Object> metadata) {
    }

    /**
     * The JSON line for a trial, without the newline.
     *
     * @param modelCalls the trial's model calls, {@link ModelUsage#callsOf read once} for its line and the summary
     */
    public static String encode(TrialRecord r, List<ModelCall> modelCalls, Map<String, Object> metadata) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = Json.MAPPER.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("suite", r.suite());
            json.writeStringField("task", r.task());
            json.writeNumberField("epoch", r.epoch());
            json.writeNumberField("seed", r.seed());
            json.writeStringField("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            if (!r.outcome().scored()) {
                json.writeNullField("score");
            } else {
                json.writeNumberField("score", r.score());
            }
            json.writeBooleanField("passed", r.passed());
            json.writeNumberField("attempts", r.attempts());
            json.writeStringField("started", r.started().toString());
            json.writeNumberField("agent_ms", millis(r.agentTime()));
            json.writeNumberField("grading_ms", millis(r.gradingTime()));
            Map<String, Object> usage = ModelUsage.ofTrial(modelCalls);
            if (usage != null) {
                json.writeObjectField("usage", usage);
            }
            json.writeStringField("error", r.error());
            if (r.output() != null) {
                json.writeObjectFieldStart("output");
                json.writeStringField("answer", r.output().answer());
                json.writeArrayFieldStart("trace");
                for (TraceStep step : r.output().trace()) {
                    json.writeStartObject();
                    json.writeStringField("kind", step.kind());
                    json.writeObjectField("data", step.data());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            if (r.reward() != null) {
                json.writeObjectFieldStart("reward");
                if (r.outcome().scored()) {
                    json.writeNumberField("score", r.reward().score());
                    json.writeBooleanField("passed", r.reward().passed());
                } else { // a judge error's evidence: no score to read off it
                    json.writeNullField("score");
                    json.writeNullField("passed");
                }
                json.writeStringField("explanation", r.reward().explanation());
                json.writeObjectField("evidence", r.reward().evidence());
                json.writeEndObject();
            }
            json.writeObjectField("metadata", metadata);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode trial " + r.task() + "#" + r.epoch(), e);
        }
        return text.toString();
    }

    /** Parses one line; throws {@link IllegalArgumentException} naming what is wrong. */
    public static StoredTrial decode(String line) {
        JsonNode node = parse(line);
        try {
            Outcome outcome = outcome(node);
            AgentOutput output = null;
            if (node.hasNonNull("output")) {
                JsonNode out = node.get("output");
                List<TraceStep> trace = new ArrayList<>();
                for (JsonNode step : out.path("trace")) {
                    trace.add(new TraceStep(step.path("kind").asText(), Json.toPlainMap(step.path("data"))));
                }
                output = new AgentOutput(out.path("answer").asText(), trace);
            }
            RewardResult reward = null;
            if (node.hasNonNull("reward")) {
                JsonNode rw = node.get("reward");
                reward = new RewardResult(rw.path("score").asDouble(), rw.path("passed").asBoolean(),
                        rw.path("explanation").asText(), Json.toPlainMap(rw.path("evidence")));
            }
            TrialRecord record = new TrialRecord(text(node, "suite"), text(node, "task"),
                    node.path("epoch").asInt(), node.path("seed").asLong(), outcome, output, reward,
                    node.hasNonNull("error") ? node.get("error").asText() : null,
                    node.path("attempts").asInt(1), Instant.parse(text(node, "started")),
                    duration(node.path("agent_ms").asDouble()), duration(node.path("grading_ms").asDouble()));
            return new StoredTrial(record, metadata(node));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a trial record: " + e.getMessage(), e);
        }
    }

    /**
     * What a summary or an index needs of a trial, without its transcript and evidence made into
     * Java values (only its model calls are): a viewer reads every line of a 100,000-trial run this
     * way, in a fraction of the time of {@link #decode}, and reads a transcript when one is asked for.
     *
     * @param score the trial's {@link TrialRecord#score}: {@code NaN} when it is not scored
     * @param passed its {@link TrialRecord#passed}
     * @param modelCalls its calls, as {@link ModelUsage#callsOf} reads them from the whole record
     */
    public record Figures(String task, int epoch, Outcome outcome, double score, boolean passed, Duration agentTime,
                          Map<String, Object> metadata, List<ModelCall> modelCalls) {
    }

    /**
     * Reads which trial a line records, its task and epoch, and nothing after them: the lines of a
     * 100,000-trial run are indexed in a fraction of the time {@link #figures} takes. Throws
     * {@link IllegalArgumentException} when the line has no task or epoch.
     */
    public static TrialKey key(String line) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            String task = null;
            Integer epoch = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME && (task == null || epoch == null)) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("task") && value == JsonToken.VALUE_STRING) {
                    task = parser.getText();
                } else if (field.equals("epoch") && value == JsonToken.VALUE_NUMBER_INT) {
                    epoch = parser.getIntValue();
                } else {
                    parser.skipChildren();
                }
            }
            if (task == null || epoch == null) {
                throw new IllegalArgumentException("field '" + (task == null ? "task" : "epoch") + "' is missing");
            }
            return new TrialKey(task, epoch);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a line's {@link Figures}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Figures figures(String line) {
        return FiguresReader.read(line);
    }

    private static JsonNode parse(String line) {
        JsonNode node;
        try {
            node = LINE.readTree(line);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException(ReadLimits.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return node;
    }

    private static Outcome outcome(JsonNode node) {
        return Outcome.valueOf(text(node, "outcome").toUpperCase(Locale.ROOT));
    }

    private static Map<String, Object> metadata(JsonNode node) {
        return node.hasNonNull("metadata") ? Json.toPlainMap(node.get("metadata")) : Map.of();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value.asText();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    private static Duration duration(double millis) {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}

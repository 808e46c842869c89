package io.assay.core.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import io.assay.core.json.ReadLimits;
import io.assay.spi.ModelCall;
import io.assay.spi.Outcome;
import io.assay.spi.TraceStep;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a trial line's {@link TrialCodec.Figures} token by token: the transcript and the evidence
 * are skipped over, not built, but for the model calls in them. Building them was most of the time
 * a viewer took to read a 100,000-trial run.
 */
final class FiguresReader {
    /** The names {@link ModelCall} writes its calls under in a trace and in evidence, part of the file format. */
    private static final String MODEL_CALL_STEP = "model_call";
    private static final String MODEL_CALLS_EVIDENCE = "model_calls";

    private FiguresReader() {
    }

    static TrialCodec.Figures read(String line) {
        try (JsonParser parser = Json.MAPPER.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            TrialCodec.Figures figures = fields(parser);
            if (parser.nextToken() != null) { // a line is one object: text after it would be read as more
                throw new IllegalArgumentException("not valid JSON: text after the trial's object");
            }
            return figures;
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException(ReadLimits.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable: " + e.getMessage(), e);
        }
    }

    private static TrialCodec.Figures fields(JsonParser parser) throws IOException {
        String task = null;
        String outcome = null;
        int epoch = 0;
        double score = 0.0; // as TrialCodec.decode reads a scored trial without one
        boolean passed = false;
        double agentMillis = 0;
        Map<String, Object> metadata = Map.of();
        List<ModelCall> calls = new ArrayList<>();
        List<Object> judged = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart() && !name.equals("metadata") && !name.equals("output") && !name.equals("reward")) {
                parser.skipChildren(); // an object where a figure belongs is not read as the trial's own fields
                continue;
            }
            switch (name) {
                case "task" -> task = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "outcome" -> outcome = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "epoch" -> epoch = parser.getValueAsInt();
                case "score" -> score = value.isNumeric() ? parser.getValueAsDouble() : score;
                case "passed" -> passed = value == JsonToken.VALUE_TRUE;
                case "agent_ms" -> agentMillis = parser.getValueAsDouble();
                case "metadata" -> metadata = value == JsonToken.START_OBJECT ? Json.toPlainMap(parser.readValueAsTree()) : Map.of();
                case "output" -> traceCalls(parser, calls);
                case "reward" -> evidenceCalls(parser, judged);
                default -> parser.skipChildren();
            }
        }
        if (task == null) {
            throw new IllegalArgumentException("not a trial record: field 'task' is missing");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("not a trial record: field 'outcome' is missing");
        }
        Outcome parsed;
        try {
            parsed = Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a trial record: unknown outcome '" + outcome + "'", e);
        }
        if (parsed.scored() && !(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("not a trial record: a scored trial's 'score' must be in [0, 1], got " + score);
        }
        calls.addAll(ModelCall.inEvidence(Map.of(MODEL_CALLS_EVIDENCE, judged)));
        return new TrialCodec.Figures(task, epoch, parsed, parsed.scored() ? score : Double.NaN, passed,
                Duration.ofNanos(Math.round(agentMillis * 1_000_000)), metadata, calls);
    }

    /** The model calls among {@code output.trace}'s steps; the parser is at the output's value. */
    private static void traceCalls(JsonParser parser, List<ModelCall> calls) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean trace = parser.currentName().equals("trace");
            if (parser.nextToken() != JsonToken.START_ARRAY || !trace) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                step(parser, calls);
            }
        }
    }

    /** One trace step: its data is built only when its kind says it is a model call. */
    private static void step(JsonParser parser, List<ModelCall> calls) throws IOException {
        String kind = null;
        JsonNode data = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("kind")) {
                kind = parser.getValueAsString();
            } else if (field.equals("data") && (kind == null || kind.equals(MODEL_CALL_STEP))) {
                data = parser.readValueAsTree(); // kind may follow data in a file not written by Assay
            } else {
                parser.skipChildren();
            }
        }
        if (MODEL_CALL_STEP.equals(kind) && data != null) {
            ModelCall.from(new TraceStep(kind, Json.toPlainMap(data))).ifPresent(calls::add);
        }
    }

    /** The model calls listed under {@code model_calls} anywhere in the reward's evidence, as {@link ModelCall#inEvidence} finds them. */
    private static void evidenceCalls(JsonParser parser, List<Object> calls) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && field.equals(MODEL_CALLS_EVIDENCE)) {
                    JsonNode list = parser.readValueAsTree();
                    list.forEach(call -> calls.add(Json.toPlain(call)));
                } else {
                    evidenceCalls(parser, calls);
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                evidenceCalls(parser, calls);
            }
        }
    }
}

package io.assay.rank.arena;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.kit.Problems;
import io.assay.launcher.InputException;
import io.assay.spi.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a battles file, one JSON object a line. Every line is checked and every bad one reported
 * ({@code FILE:LINE: field: expectation}), as the suite loaders do, so one pass fixes them all.
 *
 * <pre>{@code
 * List<Battle> battles = BattleFile.read(Path.of("examples/arena/battles.jsonl"));
 * }</pre>
 */
public final class BattleFile {
    static final Set<String> FEATURES = Set.of("tokens_a", "tokens_b", "markdown_a", "markdown_b", "latency_ms_a", "latency_ms_b");
    private static final Set<String> FIELDS = Set.of("id", "model_a", "model_b", "winner", "rater", "features");
    private static final int MAX_REPORTED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BattleFile() {
    }

    /**
     * The battles of {@code file}, in file order; blank lines are skipped.
     *
     * @throws InputException naming every bad line (the first 50), or when the file cannot be read
     */
    public static List<Battle> read(Path file) {
        Problems problems = new Problems();
        List<Battle> battles = new ArrayList<>();
        Map<String, Integer> lineById = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    Battle battle = parse(file, number, line, problems, lineById);
                    if (battle != null) {
                        battles.add(battle);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file", "give a JSON-lines file of battles, such as examples/arena/battles.jsonl");
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read: " + e.getMessage());
        }
        if (problems.isEmpty() && battles.isEmpty()) {
            problems.add(file, 0, "", "no battles; expected one JSON object per line, such as "
                    + "{\"id\": \"b1\", \"model_a\": \"m1\", \"model_b\": \"m2\", \"winner\": \"a\"}");
        }
        if (!problems.isEmpty()) {
            throw invalid(problems.all());
        }
        return battles;
    }

    /**
     * {@code battle} as its line of a battles file (no line break), as {@link #read} reads it back:
     * rater and features only when it has some, whole numbers without a decimal point.
     */
    public static String line(Battle battle) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", battle.id());
        line.put("model_a", battle.modelA());
        line.put("model_b", battle.modelB());
        line.put("winner", battle.winner().name().toLowerCase(Locale.ROOT));
        if (!battle.rater().isEmpty()) {
            line.put("rater", new TreeMap<>(battle.rater()));
        }
        if (!battle.features().isEmpty()) {
            Map<String, Number> features = new TreeMap<>();
            battle.features().forEach((name, value) -> features.put(name, value == Math.rint(value) ? (Number) value.longValue() : value));
            line.put("features", features);
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
    }

    /** One exception for all problems: the reporter prints its message, one {@code error:} line per problem. */
    private static InputException invalid(List<Problem> problems) {
        List<String> lines = problems.stream().limit(MAX_REPORTED).map(Problem::toString).collect(Collectors.toCollection(ArrayList::new));
        if (problems.size() > MAX_REPORTED) {
            lines.add("... and " + (problems.size() - MAX_REPORTED) + " more problems");
        }
        return new InputException(String.join("\nerror: ", lines),
                "fix the lines above; each battle is {\"id\", \"model_a\", \"model_b\", \"winner\": \"a\"|\"b\"|\"tie\"|\"both_bad\"}"
                        + " with optional \"rater\" and \"features\" objects");
    }

    private static Battle parse(Path file, int line, String text, Problems problems, Map<String, Integer> lineById) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(file, line, "", "not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(file, line, "", "expected a JSON object with id, model_a, model_b and winner");
            return null;
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(file, line, name, "unknown field; expected one of [features, id, model_a, model_b, rater, winner]");
            }
        });
        String id = string(node, "id", file, line, problems);
        if (id != null) {
            Integer first = lineById.putIfAbsent(id, line);
            if (first != null) {
                problems.add(file, line, "id", "duplicate battle id '" + id + "'; first used on line " + first);
            }
        }
        String modelA = string(node, "model_a", file, line, problems);
        String modelB = string(node, "model_b", file, line, problems);
        if (modelA != null && modelA.equals(modelB)) {
            problems.add(file, line, "model_b", "expected a model other than model_a, got '" + modelB + "' twice");
        }
        Battle.Winner winner = winner(node, file, line, problems);
        Map<String, String> rater = rater(node, file, line, problems);
        Map<String, Double> features = features(node, file, line, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Battle(id, modelA, modelB, winner, rater, features);
    }

    private static String string(JsonNode node, String field, Path file, int line, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            problems.add(file, line, field, "required field is missing");
        } else if (!value.isTextual() || value.asText().isEmpty()) {
            problems.add(file, line, field, "expected a non-empty string, got " + value);
        } else {
            return value.asText();
        }
        return null;
    }

    private static Battle.Winner winner(JsonNode node, Path file, int line, Problems problems) {
        JsonNode value = node.get("winner");
        if (value == null) {
            problems.add(file, line, "winner", "required field is missing");
            return null;
        }
        if (value.isTextual()) {
            switch (value.asText().toLowerCase(Locale.ROOT)) {
                case "a", "model_a" -> {
                    return Battle.Winner.A;
                }
                case "b", "model_b" -> {
                    return Battle.Winner.B;
                }
                case "tie" -> {
                    return Battle.Winner.TIE;
                }
                case "both_bad", "tie (bothbad)" -> {
                    return Battle.Winner.BOTH_BAD;
                }
                default -> {
                }
            }
        }
        problems.add(file, line, "winner", "expected \"a\", \"b\", \"tie\" or \"both_bad\", got " + value);
        return null;
    }

    private static Map<String, String> rater(JsonNode node, Path file, int line, Problems problems) {
        JsonNode value = node.get("rater");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            problems.add(file, line, "rater", "expected an object of attributes such as {\"language\": \"fr\"}, got " + value);
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            JsonNode attribute = entry.getValue();
            if (attribute.isValueNode() && !attribute.isNull()) {
                attributes.put(entry.getKey(), attribute.asText());
            } else if (!attribute.isNull()) {
                problems.add(file, line, "rater." + entry.getKey(), "expected a string or number, got " + attribute);
            }
        });
        return attributes;
    }

    private static Map<String, Double> features(JsonNode node, Path file, int line, Problems problems) {
        JsonNode value = node.get("features");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            problems.add(file, line, "features", "expected an object such as {\"tokens_a\": 120, \"tokens_b\": 80}, got " + value);
            return Map.of();
        }
        Map<String, Double> features = new HashMap<>();
        value.fields().forEachRemaining(entry -> {
            String field = "features." + entry.getKey();
            JsonNode feature = entry.getValue();
            if (!FEATURES.contains(entry.getKey())) {
                problems.add(file, line, field, "unknown feature; expected one of " + new java.util.TreeSet<>(FEATURES));
            } else if (!feature.isNumber() || feature.asDouble() < 0 || !Double.isFinite(feature.asDouble())) {
                problems.add(file, line, field, "expected a number ≥ 0, got " + feature);
            } else {
                features.put(entry.getKey(), feature.asDouble());
            }
        });
        return features;
    }
}

package io.assay.trust.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A {@link Fingerprint} as JSON: what {@code assay identify --out} writes and {@code --against}
 * reads back. Reading checks every field; the first wrong one is an {@link InputException} naming
 * the file and the field. Empty {@code refusals} or {@code formatting} are wrong too: the probe set
 * always asks them, and with none a comparison would have no habit to weigh.
 *
 * <pre>{@code
 * FingerprintFile.write(Path.of("gpt-4o-mini.json"), fingerprint);
 * Fingerprint earlier = FingerprintFile.read(Path.of("gpt-4o-mini.json"));
 * }</pre>
 */
public final class FingerprintFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HINT = "give a file that assay identify --out wrote";

    private FingerprintFile() {
    }

    /** {@code fingerprint} as an indented JSON document. */
    public static String text(Fingerprint fingerprint) {
        try {
            return JSON.writeValueAsString(json(fingerprint));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** {@code fingerprint} as a JSON tree, for documents that hold one. */
    public static ObjectNode json(Fingerprint fingerprint) {
        ObjectNode root = JSON.createObjectNode();
        root.put("probe_set", fingerprint.probeSet());
        root.put("model", fingerprint.model());
        root.put("base_url", fingerprint.baseUrl());
        fingerprint.servedModels().forEach(root.putArray("served_models")::add);
        fingerprint.systemFingerprints().forEach(root.putArray("system_fingerprints")::add);
        ObjectNode counts = root.putObject("token_counts");
        fingerprint.tokenCounts().forEach(counts::put);
        root.set("tokenizer", tokenizer(fingerprint.tokenizer()));
        root.put("self_identification", fingerprint.selfIdentification());
        ObjectNode refusals = root.putObject("refusals");
        fingerprint.refusals().forEach((id, refusal) -> refusals.putObject(id)
                .put("refused", refusal.refused()).put("answer", refusal.answer()));
        ObjectNode formatting = root.putObject("formatting");
        fingerprint.formatting().forEach((id, shape) -> formatting.putObject(id).put("list_marker", shape.listMarker())
                .put("headings", shape.headings()).put("bold", shape.bold()).put("words", shape.words()));
        return root;
    }

    /** Tokenizer evidence as JSON: {@code {"verdict", "consistent", "samples", "comparable"}}. */
    public static ObjectNode tokenizer(TokenizerEvidence evidence) {
        ObjectNode node = JSON.createObjectNode();
        node.put("verdict", evidence.verdict());
        evidence.consistent().forEach(node.putArray("consistent")::add);
        node.put("samples", evidence.samples());
        node.put("comparable", evidence.comparable());
        return node;
    }

    /** Writes {@code fingerprint} to {@code file}, replacing it. */
    public static void write(Path file, Fingerprint fingerprint) {
        try {
            Files.writeString(file, text(fingerprint) + "\n");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be written: " + e.getMessage());
        }
    }

    /**
     * The fingerprint in {@code file}.
     *
     * @throws InputException naming the file and the first field that is missing or wrong
     */
    public static Fingerprint read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file", HINT);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not a fingerprint: not valid JSON: " + e.getOriginalMessage(), HINT);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read: " + e.getMessage());
        }
        Fields fields = new Fields(file);
        if (root == null || !root.isObject()) {
            throw fields.wrong("", "expected a JSON object");
        }
        return new Fingerprint(fields.text(root, "probe_set"), fields.text(root, "model"), fields.text(root, "base_url"),
                fields.texts(root, "served_models"), fields.texts(root, "system_fingerprints"),
                fields.map(root, "token_counts", fields::count), fields.tokenizer(root),
                fields.text(root, "self_identification"),
                fields.answers(root, "refusals", (refusals, path) -> {
                    JsonNode refusal = fields.object(refusals, path);
                    return new RefusalAnswer(fields.flag(refusal, path + ".refused"), fields.text(refusal, path + ".answer"));
                }),
                fields.answers(root, "formatting", (formatting, path) -> {
                    JsonNode shape = fields.object(formatting, path);
                    return new FormattingAnswer(fields.text(shape, path + ".list_marker"),
                            (int) fields.count(shape, path + ".headings"), fields.flag(shape, path + ".bold"),
                            (int) fields.count(shape, path + ".words"));
                }));
    }

    /** Reads fields by dotted path from their parent node; the first wrong one names file and path. */
    private record Fields(Path file) {

        InputException wrong(String path, String expectation) {
            return new InputException(file + ": not a fingerprint: " + (path.isEmpty() ? "" : "field " + path + ": ")
                    + expectation, HINT);
        }

        JsonNode field(JsonNode parent, String path) {
            JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
            if (node == null || node.isNull()) {
                throw wrong(path, "missing");
            }
            return node;
        }

        String text(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isTextual()) {
                throw wrong(path, "expected text, got " + node);
            }
            return node.asText();
        }

        boolean flag(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isBoolean()) {
                throw wrong(path, "expected true or false, got " + node);
            }
            return node.asBoolean();
        }

        long count(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
                throw wrong(path, "expected a whole number, 0 or more, got " + node);
            }
            return node.asLong();
        }

        SortedSet<String> texts(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isArray()) {
                throw wrong(path, "expected a list of text, got " + node);
            }
            SortedSet<String> texts = new TreeSet<>();
            for (int i = 0; i < node.size(); i++) {
                texts.add(item((ArrayNode) node, i, path));
            }
            return texts;
        }

        JsonNode object(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isObject()) {
                throw wrong(path, "expected an object, got " + node);
            }
            return node;
        }

        /** Each entry of the object at {@code path}, read by {@code value} from the object and the entry's path. */
        <T> Map<String, T> map(JsonNode parent, String path, BiFunction<JsonNode, String, T> value) {
            JsonNode node = object(parent, path);
            Map<String, T> values = new LinkedHashMap<>();
            node.fieldNames().forEachRemaining(name -> values.put(name, value.apply(node, path + "." + name)));
            return values;
        }

        /**
         * Like {@link #map}, refusing an empty object: a fingerprint without answers would compare no
         * habit, and {@code identify --out} always writes one per probe.
         */
        <T> Map<String, T> answers(JsonNode parent, String path, BiFunction<JsonNode, String, T> value) {
            Map<String, T> answers = map(parent, path, value);
            if (answers.isEmpty()) {
                throw wrong(path, "expected an answer for each probe, got none");
            }
            return answers;
        }

        TokenizerEvidence tokenizer(JsonNode root) {
            JsonNode node = object(root, "tokenizer");
            String verdict = text(node, "tokenizer.verdict");
            List<String> known = Arrays.stream(KnownTokenizer.values()).map(KnownTokenizer::id).toList();
            if (!verdict.equals(TokenizerEvidence.NONE) && !verdict.equals(TokenizerEvidence.UNDECIDED) && !known.contains(verdict)) {
                throw wrong("tokenizer.verdict", "expected one of " + known + ", \"" + TokenizerEvidence.NONE + "\" or \""
                        + TokenizerEvidence.UNDECIDED + "\", got \"" + verdict + "\"");
            }
            return new TokenizerEvidence(verdict, List.copyOf(texts(node, "tokenizer.consistent")),
                    (int) count(node, "tokenizer.samples"), (int) count(node, "tokenizer.comparable"));
        }

        private String item(ArrayNode array, int index, String path) {
            JsonNode item = array.get(index);
            if (!item.isTextual()) {
                throw wrong(path + "[" + index + "]", "expected text, got " + item);
            }
            return item.asText();
        }
    }
}

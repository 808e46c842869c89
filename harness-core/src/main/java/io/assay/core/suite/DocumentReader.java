package io.assay.core.suite;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.assay.kit.LocatedDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON or YAML document from a Jackson parser into plain values ({@code String},
 * {@code Integer}/{@code Long}/{@code BigInteger}, {@code BigDecimal}, {@code Boolean},
 * {@code List}, {@code Map}, {@code null}), recording the line each field and list element starts
 * on in a {@link LocatedDocument}.
 */
final class DocumentReader {

    private DocumentReader() {
    }

    /**
     * Reads the single document {@code parser} holds, recording lines.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException on a syntax error, a duplicate
     *         field or content after the document
     */
    static LocatedDocument read(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return LocatedDocument.empty();
        }
        Map<String, Integer> lines = new HashMap<>();
        Object root = readValue(parser, "", lines);
        requireEnd(parser);
        return LocatedDocument.of(root, lines);
    }

    /**
     * Reads the single value {@code parser} holds without recording lines, for one-line documents
     * such as a JSON-lines record, where every field is on the same line.
     */
    static Object readValue(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new JsonParseException(parser, "no value");
        }
        Object value = readValue(parser, "", null);
        requireEnd(parser);
        return value;
    }

    private static Object readValue(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson would hand back the alias name as a string, silently changing the value.
            throw new JsonParseException(parser, "YAML aliases (*name) are not supported; write the value out");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, path, lines);
            case START_ARRAY -> readArray(parser, path, lines);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser,
                    "unsupported value " + parser.currentToken() + "; expected plain JSON-shaped data");
        };
    }

    private static Map<String, Object> readObject(JsonParser parser, String path, Map<String, Integer> lines)
            throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (object.containsKey(name)) {
                throw new JsonParseException(parser, "duplicate field '" + name + "'");
            }
            String fieldPath = lines == null ? path : LocatedDocument.field(path, name);
            record(lines, fieldPath, parser);
            parser.nextToken();
            object.put(name, readValue(parser, fieldPath, lines));
        }
        return object;
    }

    private static List<Object> readArray(JsonParser parser, String path, Map<String, Integer> lines)
            throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String elementPath = lines == null ? path : LocatedDocument.element(path, array.size());
            record(lines, elementPath, parser);
            array.add(readValue(parser, elementPath, lines));
        }
        return array;
    }

    private static void record(Map<String, Integer> lines, String path, JsonParser parser) {
        if (lines != null) {
            lines.put(path, parser.currentTokenLocation().getLineNr());
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "more content after the end of the first value");
        }
    }
}

package io.assay.core.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.assay.core.json.ReadLimits;
import io.assay.kit.LocatedDocument;
import io.assay.kit.Problems;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Reads a {@link Dataset}'s file into tasks, whatever its format: each row is mapped, its
 * reference extracted and graded by the suite's reward check, and a bad row is reported at its
 * file line (and 1-based row number, the default id) without stopping the others.
 */
final class DatasetReader {
    private static final CsvMapper CSV = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(ReadLimits.CONSTRAINTS).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build());
    private static final int EXCERPT = 40;

    private final Dataset dataset;
    private final Path file;
    private final Options reward;
    private final SuiteLoader.Context context;
    private final Problems problems;
    private final Map<String, Integer> rowById = new HashMap<>();
    private final List<Task> tasks = new ArrayList<>();
    private int rows;

    /** @param reward the suite's valid reward spec, or {@code null} when it has problems of its own */
    DatasetReader(Dataset dataset, Options reward, SuiteLoader.Context context, Problems problems) {
        this.dataset = dataset;
        this.file = dataset.file();
        this.reward = reward;
        this.context = context;
        this.problems = problems;
    }

    /** Reads every row; rows with problems are left out and their problems recorded. */
    TaskFileReader.TaskFile read() throws IOException {
        int before = problems.size();
        byte[] sha256 = switch (dataset.format()) {
            case JSONL -> jsonLines();
            case JSON -> json();
            case CSV -> csv();
        };
        if (rows == 0 && problems.size() == before) {
            problems.add(file, 0, "", "no rows; expected " + switch (dataset.format()) {
                case JSONL -> "one JSON object per line";
                case JSON -> "an array of objects";
                case CSV -> "a header row and one row per task";
            });
        }
        return new TaskFileReader.TaskFile(tasks, sha256);
    }

    private byte[] jsonLines() throws IOException {
        JsonLines.Result result = JsonLines.read(file, problems, this::row);
        rows = result.rows();
        return result.sha256();
    }

    /** An array of objects, or an object holding one array (such as {@code {"data": [...]}}). */
    private byte[] json() throws IOException {
        byte[] content = Files.readAllBytes(file);
        byte[] sha256 = JsonLines.sha256().digest(content);
        LocatedDocument document;
        try (JsonParser parser = JsonLines.JSON.createParser(content)) {
            document = DocumentReader.read(parser);
        } catch (StreamConstraintsException e) {
            problems.add(file, SyntaxError.of(e, 1).line(), "", ReadLimits.describe(e));
            return sha256;
        } catch (JsonProcessingException e) {
            SyntaxError error = SyntaxError.of(e, 1);
            problems.add(file, error.line(), "", "invalid JSON at column " + error.column() + ": " + error.message());
            return sha256;
        }
        String arrayPath = arrayPath(document.root());
        if (arrayPath == null) {
            problems.add(file, 1, "", "expected an array of objects, or an object holding one such array, got "
                    + Options.describe(document.root()));
            return sha256;
        }
        List<?> array = (List<?>) (arrayPath.isEmpty() ? document.root() : ((Map<?, ?>) document.root()).get(arrayPath));
        for (int i = 0; i < array.size(); i++) {
            row(array.get(i), document.lineOf(LocatedDocument.element(arrayPath, i)), i + 1);
        }
        rows = array.size();
        return sha256;
    }

    /** {@code ""} for a top-level array, the field of an object's only array, or {@code null}. */
    private static String arrayPath(Object root) {
        if (root instanceof List<?>) {
            return "";
        }
        if (root instanceof Map<?, ?> object) {
            List<String> arrays = object.entrySet().stream().filter(entry -> entry.getValue() instanceof List<?>)
                    .map(entry -> (String) entry.getKey()).toList();
            return arrays.size() == 1 ? arrays.getFirst() : null;
        }
        return null;
    }

    /**
     * A header row names the fields; each record after it is a row of strings. Read token by token
     * because a record's first value, not its start token, knows the line the record starts on.
     */
    private byte[] csv() throws IOException {
        byte[] content = Files.readAllBytes(file);
        int line = 1;
        try (JsonParser parser = CSV.reader(CsvSchema.emptySchema().withHeader()).createParser(content)) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    if (fields.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, parser.getText());
                }
                rows++;
                row(fields, line, rows);
            }
        } catch (JsonProcessingException e) {
            SyntaxError error = SyntaxError.of(e, 1);
            problems.add(file, error.line() > 0 ? error.line() : line, "", "invalid CSV: " + error.message());
        }
        return JsonLines.sha256().digest(content);
    }

    private void row(Object value, int line, int row) {
        if (!(value instanceof Map<?, ?> object)) {
            problems.add(file, line, "", "row " + row + ": expected an object of fields, got " + Options.describe(value));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) object;
        int before = problems.size();
        String id = dataset.idField() == null ? String.valueOf(row) : id(fields, line, row);
        Object prompt = required(fields, dataset.promptField(), "prompt", line, row);
        if (prompt != null && !(prompt instanceof String)) {
            problems.add(file, line, dataset.promptField(), "row " + row + ": expected a string, the prompt, got "
                    + Options.describe(prompt));
        }
        Object answer = answer(fields, line, row);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (String name : dataset.metadataFields()) {
            Object metadatum = field(fields, name, "metadata", line, row);
            if (metadatum != null) {
                metadata.put(name, metadatum);
            }
        }
        if (problems.size() > before) {
            return;
        }
        Task task = new Task(id, dataset.prompt((String) prompt), answer, answer, metadata, null);
        if (reward == null) {
            tasks.add(task); // No valid spec to grade the reference with; suite.yaml's problem is reported.
            return;
        }
        try {
            tasks.add(new Task(id, task.prompt(), answer, context.checkedSolution(task, reward), metadata, null));
        } catch (InvalidOptionException unscorable) {
            problems.add(file, line, dataset.answerField(), "row " + row + ": " + unscorable.expected());
        }
    }

    /** The value of {@code name} in a row; when the row lacks the field, that is recorded. */
    private Object field(Map<String, Object> fields, String name, String role, int line, int row) {
        if (!fields.containsKey(name)) {
            problems.add(file, line, name, "row " + row + ": missing; dataset.fields." + role
                    + " names this field, and the row has " + new TreeSet<>(fields.keySet()));
        }
        return fields.get(name);
    }

    /** Like {@link #field}, but a null value is a problem too. */
    private Object required(Map<String, Object> fields, String name, String role, int line, int row) {
        Object value = field(fields, name, role, line, row);
        if (value == null && fields.containsKey(name)) {
            problems.add(file, line, name, "row " + row + ": expected the " + role + ", got null");
        }
        return value;
    }

    private String id(Map<String, Object> fields, int line, int row) {
        Object value = required(fields, dataset.idField(), "id", line, row);
        String id = switch (value) {
            case null -> null;
            case String text when !text.isEmpty() -> text;
            case Integer number -> number.toString();
            case Long number -> number.toString();
            case BigInteger number -> number.toString();
            case BigDecimal number -> number.toPlainString();
            default -> {
                problems.add(file, line, dataset.idField(), "row " + row + ": expected a non-empty string or a number,"
                        + " the task id, got " + Options.describe(value));
                yield null;
            }
        };
        if (id == null) {
            return null;
        }
        Integer first = rowById.putIfAbsent(id, row);
        if (first != null) {
            problems.add(file, line, dataset.idField(), "row " + row + ": duplicate task id '" + id
                    + "'; first used on row " + first);
        }
        return id;
    }

    /** The answer field's value, or the first group of the answer pattern in it. */
    private Object answer(Map<String, Object> fields, int line, int row) {
        String name = dataset.answerField();
        Object value = required(fields, name, "answer", line, row);
        if (value == null || dataset.answerPattern() == null) {
            return value;
        }
        if (!(value instanceof String text)) {
            problems.add(file, line, name, "row " + row + ": expected a string for answer_pattern to search, got "
                    + Options.describe(value));
            return null;
        }
        Matcher matcher = dataset.answerPattern().matcher(text);
        if (!matcher.find() || matcher.group(1) == null) {
            problems.add(file, line, name, "row " + row + ": answer_pattern '" + dataset.answerPattern().pattern()
                    + "' does not match " + excerpt(text));
            return null;
        }
        return matcher.group(1).strip();
    }

    /** The value in quotes, its middle cut when long, line breaks shown as {@code \n}. */
    private static String excerpt(String text) {
        String shown = text.length() <= 2 * EXCERPT ? text
                : text.substring(0, EXCERPT) + " ... " + text.substring(text.length() - EXCERPT);
        return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}

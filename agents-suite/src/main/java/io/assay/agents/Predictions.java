package io.assay.agents;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The scripted agent's outputs by task and epoch, read and validated once from a JSONL file. */
final class Predictions {
    /** Outputs as long as the JVM can hold: Jackson's default of 20 million characters is for servers. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Enough to see the pattern; a file wrong on every line must not produce a megabyte message. */
    private static final int MAX_PROBLEMS_SHOWN = 20;

    private final Path file;
    private final Map<Key, Prediction> outputs;

    private Predictions(Path file, Map<Key, Prediction> outputs) {
        this.file = file;
        this.outputs = outputs;
    }

    /**
     * Reads every prediction in {@code file}.
     *
     * @param field the option that named the file, for errors
     * @throws InvalidOptionException listing every problem in the file, each with its line
     */
    static Predictions load(Path file, String field) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidOptionException(field, new Problem(file, 0, "", "no such file").toString());
        } catch (IOException e) {
            throw new InvalidOptionException(field, new Problem(file, 0, "", "cannot read: " + e).toString());
        }
        List<Problem> problems = new ArrayList<>();
        Map<Key, Prediction> outputs = new HashMap<>();
        Map<Key, Integer> firstLines = new HashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank()) {
                continue;
            }
            int problemsBefore = problems.size();
            LineReader reader = new LineReader(file, number, problems);
            Options fields = reader.object(line);
            if (fields == null) {
                continue;
            }
            reader.check(() -> fields.allowOnly("task_id", "output", "epoch", "tool_calls"));
            String taskId = reader.read(() -> fields.string("task_id"));
            List<Prediction.Call> toolCalls = reader.read(() -> toolCalls(fields));
            String output = reader.read(() -> fields.has("tool_calls") ? fields.string("output", "") : fields.string("output"));
            Integer epoch = reader.read(() -> epoch(fields));
            if (problems.size() > problemsBefore) {
                continue;
            }
            Key key = new Key(taskId, epoch);
            Integer first = firstLines.putIfAbsent(key, number);
            if (first != null) {
                problems.add(new Problem(file, number, "", "duplicate prediction for task '" + taskId + "'"
                        + (epoch == null ? " (every epoch)" : " epoch " + epoch) + ", first on line " + first));
            } else {
                outputs.put(key, new Prediction(output, toolCalls));
            }
        }
        if (problems.isEmpty() && outputs.isEmpty()) {
            problems.add(new Problem(file, 0, "", "holds no predictions"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidOptionException(field, summary(problems));
        }
        return new Predictions(file, Map.copyOf(outputs));
    }

    /** The prediction for a task's epoch: the epoch's own, else the one for every epoch. */
    Prediction prediction(String taskId, int epoch) {
        Prediction output = outputs.get(new Key(taskId, epoch));
        if (output == null) {
            output = outputs.get(new Key(taskId, null));
        }
        if (output == null) {
            throw new IllegalStateException("no prediction for task '" + taskId + "' in " + file);
        }
        return output;
    }

    private static List<Prediction.Call> toolCalls(Options fields) {
        List<Prediction.Call> calls = new ArrayList<>();
        if (fields.get("tool_calls") == null || List.of().equals(fields.get("tool_calls"))) {
            return List.of();
        }
        for (Options call : fields.objects("tool_calls")) {
            call.allowOnly("name", "arguments");
            calls.add(new Prediction.Call(call.string("name"),
                    call.has("arguments") ? call.object("arguments").values() : Map.of()));
        }
        return List.copyOf(calls);
    }

    private static Integer epoch(Options fields) {
        if (fields.get("epoch") == null) {
            return null;
        }
        int epoch = fields.integer("epoch", 0);
        if (epoch < 0) {
            throw new InvalidOptionException(fields.field("epoch"), "expected a whole number, 0 or more, got " + epoch);
        }
        return epoch;
    }

    private static String summary(List<Problem> problems) {
        String shown = problems.stream().limit(MAX_PROBLEMS_SHOWN).map(Problem::toString)
                .collect(Collectors.joining("; "));
        int hidden = problems.size() - MAX_PROBLEMS_SHOWN;
        return hidden > 0 ? shown + "; and " + hidden + " more" : shown;
    }

    /** A prediction applies to one epoch, or to every epoch when {@code epoch} is null. */
    private record Key(String taskId, Integer epoch) {
    }

    /** Reads one line's fields, recording each problem with its line instead of stopping at the first. */
    private record LineReader(Path file, int line, List<Problem> problems) {

        Options object(String text) {
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(new Problem(file, line, "", "invalid JSON: " + e.getOriginalMessage()));
                return null;
            }
            if (!node.isObject()) {
                problems.add(new Problem(file, line, "", "expected a JSON object, got "
                        + node.getNodeType().name().toLowerCase(Locale.ROOT)));
                return null;
            }
            return Options.of(MAPPER.convertValue(node, MAPPER.getTypeFactory()
                    .constructMapType(Map.class, String.class, Object.class)));
        }

        /** The field's value, or null after recording why it is invalid. */
        <T> T read(Supplier<T> field) {
            try {
                return field.get();
            } catch (InvalidOptionException e) {
                problems.add(new Problem(file, line, e.field(), e.expected()));
                return null;
            }
        }

        void check(Runnable validation) {
            read(() -> {
                validation.run();
                return null;
            });
        }
    }
}

package io.assay.trust.holdout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.assay.launcher.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A declarative suite's tasks: each is one line of the task file, kept byte for byte (without its
 * line break: the loader drops {@code \n} and a {@code \r} before it, and skips blank lines).
 * A part is {@code suite.yaml} as it is, the files inside the suite directory that its values name,
 * and the task file holding the part's lines. Other files in the directory are not copied: a
 * predictions file beside the tasks would carry the private tasks' ids into the public part.
 *
 * @param directory the suite directory
 * @param tasksFile the task file, relative to it, as {@code tasks:} names it
 * @param lines each task's line, by id, in file order
 * @param referenced other files and directories inside the suite directory that suite.yaml names
 */
record TaskLines(Path directory, String tasksFile, Map<String, byte[]> lines, List<Path> referenced)
        implements SuiteTasks {

    static final String SUITE_FILE = "suite.yaml";
    private static final String DEFAULT_TASKS = "tasks.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    static TaskLines read(Path directory) throws IOException {
        Path suiteFile = directory.resolve(SUITE_FILE);
        JsonNode settings;
        try {
            settings = new YAMLMapper().readTree(suiteFile.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(suiteFile + ": invalid YAML: " + e.getOriginalMessage(),
                    "assay suites validate " + directory + " reports every problem");
        }
        if (settings == null || !settings.isObject()) {
            throw new InputException(suiteFile + ": expected a mapping of fields", "docs/suite-format.md describes them");
        }
        if (settings.has("dataset")) {
            throw new InputException(suiteFile + ": dataset: a suite reading a published data file cannot be split",
                    SuiteTasks.SUPPORTED);
        }
        String tasksFile = settings.path("tasks").asText(DEFAULT_TASKS);
        Path tasks = directory.resolve(tasksFile).normalize();
        if (!tasks.startsWith(directory.normalize()) || !Files.isRegularFile(tasks)) {
            throw new InputException(suiteFile + ": tasks: " + tasksFile + " is no file inside the suite directory",
                    "assay suites validate " + directory + " reports every problem");
        }
        return new TaskLines(directory, tasksFile, lines(tasks), referenced(directory, settings, Set.of(suiteFile, tasks)));
    }

    /** Each non-blank line's bytes by the task id it holds. */
    private static Map<String, byte[]> lines(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Map<String, byte[]> lines = new LinkedHashMap<>();
        int start = 0;
        int number = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            number++;
            int stop = end > start && content[end - 1] == '\r' ? end - 1 : end;
            byte[] line = Arrays.copyOfRange(content, start, stop);
            if (!blank(line)) {
                String id = idOf(file, number, line);
                if (lines.putIfAbsent(id, line) != null) {
                    throw new InputException(file + ":" + number + ": id: duplicate task id '" + id + "'",
                            "task ids are unique in a suite");
                }
            }
            start = end + 1;
        }
        return lines;
    }

    /** Blank as the loader reads it: only spaces and tabs. */
    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String idOf(Path file, int number, byte[] line) {
        try {
            JsonNode id = JSON.readTree(line).path("id");
            if (id.isTextual() && !id.asText().isEmpty()) {
                return id.asText();
            }
        } catch (IOException e) {
            throw new InputException(file + ":" + number + ": invalid JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    "a task file holds one JSON object per line");
        }
        throw new InputException(file + ":" + number + ": id: expected a non-empty string", "every task has an id");
    }

    /** Values of suite.yaml that name a file or directory inside the suite: what else the suite is made of. */
    private static List<Path> referenced(Path directory, JsonNode settings, Set<Path> known) {
        Set<Path> found = new HashSet<>();
        List<Path> referenced = new ArrayList<>();
        collect(settings, value -> {
            try {
                Path path = directory.resolve(value).normalize();
                if (!value.isBlank() && path.startsWith(directory.normalize()) && !path.equals(directory.normalize())
                        && Files.exists(path) && !known.contains(path) && found.add(path)) {
                    referenced.add(path);
                }
            } catch (InvalidPathException e) {
                // Not a path: most values are words such as a check's name.
            }
        });
        return referenced;
    }

    private static void collect(JsonNode node, Consumer<String> strings) {
        if (node.isTextual()) {
            strings.accept(node.asText());
        }
        node.forEach(child -> collect(child, strings));
    }

    @Override
    public String format() {
        return "declarative";
    }

    @Override
    public List<String> ids() {
        return List.copyOf(lines.keySet());
    }

    /** No file: a task is a line, and the task file as a whole is one of the part's files. */
    @Override
    public boolean ownsFile(String path) {
        return false;
    }

    @Override
    public void digest(String id, MessageDigest digest) {
        digest.update(lines.get(id));
    }

    @Override
    public void write(Path out, Collection<String> ids) throws IOException {
        Files.createDirectories(out);
        Files.copy(directory.resolve(SUITE_FILE), out.resolve(SUITE_FILE));
        for (Path path : referenced) {
            Tree.copy(path, out.resolve(directory.normalize().relativize(path).toString()));
        }
        ByteArrayOutputStream tasks = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> line : lines.entrySet()) {
            if (ids.contains(line.getKey())) {
                tasks.write(line.getValue());
                tasks.write('\n');
            }
        }
        Path tasksOut = out.resolve(tasksFile);
        Files.createDirectories(tasksOut.toAbsolutePath().getParent());
        Files.write(tasksOut, tasks.toByteArray());
    }
}

package io.assay.trust.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a bundle needs of each line of {@code trials.jsonl}: which trial it is and the image it ran
 * in, with its line number so a failure can point at it. Reads the file itself rather than through
 * the facade because the facade's reader stops at the first bad line and does not say which line
 * held which trial.
 */
final class TrialLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line.
     *
     * @param line its number, from 1
     * @param task the trial's task id, or {@code null} when the line is not a trial
     * @param epoch the trial's epoch, from 0
     * @param image the image its verifier recorded, when it ran in a sandbox
     * @param problem why the line is not a trial, or {@code null}
     */
    record Line(int line, String task, int epoch, Optional<HashTree.Image> image, String problem) {
    }

    private TrialLines() {
    }

    /** Every non-blank line of {@code file}, in order. */
    static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.isBlank()) {
                    lines.add(parse(number, text));
                }
            }
        }
        return lines;
    }

    /** The distinct images the trials in {@code file} recorded, sorted by tag then ID; none when there is no file. */
    static List<HashTree.Image> images(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        TreeSet<HashTree.Image> images = new TreeSet<>(Comparator.comparing(HashTree.Image::tag)
                .thenComparing(HashTree.Image::id));
        read(file).forEach(line -> line.image().ifPresent(images::add));
        return List.copyOf(images);
    }

    private static Line parse(int number, String text) {
        JsonNode trial;
        try {
            trial = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Line(number, null, -1, Optional.empty(), "a JSON object (" + e.getOriginalMessage() + ")");
        }
        if (!trial.path("task").isTextual() || !trial.path("epoch").canConvertToInt()) {
            return new Line(number, null, -1, Optional.empty(), "a trial with a task id and an epoch");
        }
        JsonNode image = trial.path("reward").path("evidence").path("image");
        Optional<HashTree.Image> ran = image.path("tag").isTextual() && image.path("id").isTextual()
                ? Optional.of(new HashTree.Image(image.get("tag").asText(), image.get("id").asText()))
                : Optional.empty();
        return new Line(number, trial.get("task").asText(), trial.get("epoch").asInt(), ran, null);
    }
}

package io.assay.docker;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.assay.kit.LocatedDocument;
import io.assay.kit.Problems;
import io.assay.kit.TomlLines;
import io.assay.spi.Options;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Harbor TOML file ({@code task.toml}, the suite's settings) read into plain values
 * ({@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double},
 * {@code Boolean}, {@code List}, {@code Map}; dates as strings) with the line each key is on, so a
 * problem with {@code environment.cpus} points at that line.
 */
final class HarborToml {
    private static final TomlMapper TOML = new TomlMapper();

    private HarborToml() {
    }

    /**
     * Reads and parses {@code file}; when it cannot be read or is not valid TOML, records the
     * problem (on the line the parser stopped at) and returns {@code null}. The document's root is
     * its top-level table.
     */
    static LocatedDocument read(Path file, Problems problems) {
        String text = problems.readText(file);
        if (text == null) {
            return null;
        }
        TomlLines lines = TomlLines.scan(text);
        Map<String, Object> values;
        try {
            values = TOML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : Math.max(0, location.getLineNr());
            // The parser notices a duplicate key only after the line that holds it.
            if (e.getOriginalMessage().startsWith("Duplicate key") && lines.firstDuplicate() > 0) {
                line = lines.firstDuplicate();
            }
            problems.add(file, line, "", "invalid TOML: " + e.getOriginalMessage());
            return null;
        }
        return LocatedDocument.of(values == null ? new LinkedHashMap<>() : values, lines.lines());
    }

    /** The top-level table of a document {@link #read} returned, as options. */
    @SuppressWarnings("unchecked")
    static Options table(LocatedDocument document) {
        return Options.of((Map<String, Object>) document.root());
    }
}

package io.assay.spi;

import java.nio.file.Path;

/**
 * Identifies a run for result sinks.
 *
 * <pre>{@code
 * Path csv = run.directory().resolve("trials.csv");
 * }</pre>
 *
 * @param id the run id, the run directory's name
 * @param directory the run directory
 * @param suite the suite id
 * @param agent the agent name
 */
public record RunInfo(String id, Path directory, String suite, String agent) {
}

package io.assay.spi;

import java.time.Duration;

/**
 * A trial's environment where an agent acts by running commands and touching files, such as a
 * container. Agents find it by testing the session they are given.
 *
 * <pre>{@code
 * if (input.environment() instanceof Sandbox sandbox) {
 *     CommandResult ls = sandbox.run("ls -la", Duration.ofSeconds(10));
 *     sandbox.writeFile("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
 * }
 * }</pre>
 */
public interface Sandbox {

    /**
     * Runs {@code command} with {@code sh -c} in the working directory. Output beyond the
     * sandbox's limit is cut and flagged; a command past {@code timeout} is killed and flagged.
     *
     * @throws EnvironmentException when the sandbox itself fails
     */
    CommandResult run(String command, Duration timeout) throws InterruptedException;

    /** Writes a file, creating parent directories; a relative path is relative to the working directory. */
    void writeFile(String path, byte[] content);

    /** Reads a file; a relative path is relative to the working directory. Throws {@link EnvironmentException} when absent. */
    byte[] readFile(String path);

    /** The absolute working directory commands start in, for example {@code /app}. */
    String workingDirectory();
}

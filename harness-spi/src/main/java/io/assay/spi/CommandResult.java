package io.assay.spi;

/**
 * What a command run in a {@link Sandbox} produced.
 *
 * <pre>{@code
 * CommandResult r = sandbox.run("python3 solve.py", Duration.ofSeconds(30));
 * if (r.exitCode() != 0 || r.timedOut()) { ... }
 * }</pre>
 *
 * @param exitCode the process's exit code; -1 when it was killed by the timeout
 * @param stdout standard output, possibly cut at the sandbox's limit
 * @param stderr standard error, possibly cut at the sandbox's limit
 * @param timedOut whether the command ran past its timeout and was killed
 * @param truncated whether any output was cut
 */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated) {
}

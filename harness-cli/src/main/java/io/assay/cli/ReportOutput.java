package io.assay.cli;

import io.assay.launcher.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command's {@code --output} sends its report: the file, said on standard error, or else
 * standard output. A command checks the file can be written before its work, so a typo in the
 * directory is one line at once rather than an error after a long scan.
 *
 * <pre>{@code
 * ReportOutput.requireWritable(output); // before the work
 * ReportOutput.write(spec, output, report);
 * }</pre>
 */
final class ReportOutput {
    private static final String HINT = "give --output a file in an existing directory you can write to, or leave it"
            + " out for standard output";

    private ReportOutput() {
    }

    /**
     * Checks that {@code output} ({@code null} for standard output) can be written: its directory
     * exists and is writable, and the file, if there is one, is a writable regular file.
     *
     * @throws InputException naming the file and what is wrong
     */
    static void requireWritable(Path output) {
        if (output == null) {
            return;
        }
        Path directory = output.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new InputException("--output " + output + ": its directory " + directory + " does not exist", HINT);
        }
        if (Files.exists(output) ? !Files.isRegularFile(output) || !Files.isWritable(output) : !Files.isWritable(directory)) {
            throw new InputException("--output " + output + ": cannot be written", HINT);
        }
    }

    /** @throws InputException when the file cannot be written, with the system's reason */
    static void write(CommandSpec spec, Path output, String report) {
        if (output != null) {
            try {
                Files.writeString(output, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException("--output " + output + ": cannot write the report: " + e, HINT);
            }
            spec.commandLine().getErr().println(spec.name() + ": report written to " + output);
            spec.commandLine().getErr().flush();
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
    }
}

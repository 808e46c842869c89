package io.assay.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's {@code --output} sends its report: the file, said on standard error, or else standard output. */
final class ReportOutput {

    private ReportOutput() {
    }

    static void write(CommandSpec spec, Path output, String report) throws IOException {
        if (output != null) {
            Files.writeString(output, report, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println(spec.name() + ": report written to " + output);
            spec.commandLine().getErr().flush();
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
    }
}

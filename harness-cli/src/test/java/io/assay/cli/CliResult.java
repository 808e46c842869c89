package io.assay.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One in-process invocation of {@code assay}, with what it printed. */
record CliResult(int exitCode, String out, String err) {

    static final Path REPO = Path.of(System.getProperty("assay.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path TEST_PLUGINS = Path.of(System.getProperty("assay.testPluginDir", "target/test-plugins"));

    static CliResult run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AssayCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String example(String name) {
        return REPO.resolve("examples").resolve(name).toString();
    }
}

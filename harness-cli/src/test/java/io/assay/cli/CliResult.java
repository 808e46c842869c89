package io.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** Runs the example suite {@code name} with {@code agent} (and {@code more} flags) into {@code out}, which it returns. */
    static Path exampleRun(Path out, String name, String agent, String... more) {
        List<String> args = new ArrayList<>(List.of("run", example(name), "--agent", agent, "--out", out.toString(),
                "--progress", "none"));
        args.addAll(List.of(more));
        CliResult result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1);
        return out;
    }

    static String example(String name) {
        return REPO.resolve("examples").resolve(name).toString();
    }
}

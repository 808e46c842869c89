package io.assay.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assay}: the command line entry point. */
@Command(name = "assay",
        mixinStandardHelpOptions = true,
        versionProvider = AssayCommand.Version.class,
        description = {"Runs AI-agent benchmarks reproducibly, and audits the benchmarks themselves."},
        subcommands = {RunCommand.class, AuditCommand.class, ReportCommand.class, StatusCommand.class, RescoreCommand.class, SuitesCommand.class,
                PluginsCommand.class, PluginCommand.class,
                GcCommand.class, ViewCommand.class,
                CompareCommand.class, LeaderboardCommand.class, ArenaCommand.class,
                KeysCommand.class, BundleCommand.class, VerifyCommand.class, ReplicateCommand.class, IdentifyCommand.class,
                HoldoutCommand.class, ContaminationCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  assay run examples/arithmetic --agent oracle",
                "  assay suites validate examples/multiple-choice",
                "  assay audit examples/multiple-choice",
                "  assay report runs/arithmetic-oracle-20261122-101500",
                "  assay compare runs/arith-oracle runs/arith-scripted",
                "",
                "Exit codes: 0 success, 1 the command ran and found failures, 2 bad usage or input, 130 interrupted"
                        + " (the run can be resumed)."})
public final class AssayCommand {

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command line with the given streams and returns its exit code, for tests and {@link #main}. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new AssayCommand());
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        ErrorReporter errors = new ErrorReporter();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AssayCommand.class.getPackage().getImplementationVersion();
            return new String[] {"assay " + (version != null ? version : "dev") + " (Java " + Runtime.version() + ")"};
        }
    }
}

package io.assay.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assay}: the command line entry point. */
@Command(name = "assay",
        mixinStandardHelpOptions = true,
        versionProvider = AssayCommand.Version.class,
        description = {"Runs AI-agent benchmarks reproducibly, and audits the benchmarks themselves."},
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

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, AuditCommand.class,
            ReportCommand.class, StatusCommand.class, RescoreCommand.class, SuitesCommand.class,
            PluginsCommand.class, PluginCommand.class,
            GcCommand.class, ViewCommand.class,
            CompareCommand.class, LeaderboardCommand.class, ArenaCommand.class,
            KeysCommand.class, BundleCommand.class, VerifyCommand.class, ReplicateCommand.class, IdentifyCommand.class,
            HoldoutCommand.class, ContaminationCommand.class,
            CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * The command line with every subcommand, as {@code assay --help} lists them.
     *
     * <pre>{@code
     * AssayCommand.commandLine().getSubcommands().keySet(); // [run, audit, report, ...]
     * }</pre>
     */
    public static CommandLine commandLine() {
        return withSubcommands(SUBCOMMANDS);
    }

    /**
     * The command line that parses {@code args}: when they start with a subcommand's name, with that
     * subcommand only. Picocli reads every option of every registered command by reflection when the
     * command line is built, so a cold JVM would build all twenty commands' models on every call
     * (docs/performance.md, "Cold command line"); which one runs is known from the first argument.
     * Anything else (no arguments, {@code --help}, {@code help COMMAND}, a misspelt command) gets
     * them all, so help, errors and suggestions read as before.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (subcommand != CommandLine.HelpCommand.class
                        && (command.name().equals(args[0]) || List.of(command.aliases()).contains(args[0]))) {
                    return withSubcommands(List.of(subcommand));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new AssayCommand());
        subcommands.forEach(commandLine::addSubcommand);
        return commandLine;
    }

    /** Runs the command line with the given streams and returns its exit code, for tests and {@link #main}. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        // Every setting below reaches the subcommands registered so far, so they are registered first.
        CommandLine commandLine = commandLine(args);
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

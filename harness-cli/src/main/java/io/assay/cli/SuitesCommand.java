package io.assay.cli;

import io.assay.launcher.Assay;
import io.assay.kit.Plural;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay suites}: work with suite directories. */
@Command(name = "suites", mixinStandardHelpOptions = true, description = "Checks suite directories.",
        subcommands = SuitesCommand.Validate.class,
        footer = {"", "Examples:", "  assay suites validate examples/arithmetic examples/multiple-choice"})
final class SuitesCommand {

    /** {@code assay suites validate}: loads suites and reports every problem, running nothing. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Checks suites for problems without running an agent.",
                    "Checks every field of suite.yaml and of each task, duplicate ids, every reward and environment"
                            + " spec, and that each task's reference passes its own reward check; reports all problems"
                            + " at once."},
            footer = {"", "Examples:",
                    "  assay suites validate examples/arithmetic",
                    "  assay suites validate examples/*",
                    "",
                    "Exit codes: 0 all valid, 2 problems found (one line each: FILE:LINE: FIELD: MESSAGE) or bad usage."})
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SharedOptions shared;

        @Parameters(arity = "1..*", paramLabel = "SUITE", description = "Suite directories.")
        List<Path> suites;

        @Option(names = "--split", paramLabel = "NAME",
                description = "Check the tasks of the benchmark's split NAME, for suites that publish splits"
                        + " (tau2-bench: train, test, base).")
        String split;

        @Override
        public Integer call() {
            Assay assay = shared.open();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int invalid = 0;
            for (Path directory : suites) {
                try {
                    Suite suite = assay.loadSuite(directory, split);
                    out.println("ok: " + directory + " (" + suite.id()
                            + (suite.version().isEmpty() ? "" : " " + suite.version()) + ", "
                            + Plural.of(suite.tasks().size(), "task") + ")");
                } catch (InvalidSuiteException e) {
                    invalid++;
                    e.problems().forEach(problem -> err.println("error: " + problem));
                }
            }
            out.flush();
            err.flush();
            if (invalid > 0) {
                err.println(invalid + " of " + Plural.of(suites.size(), "suite") + " invalid; docs/suite-format.md describes"
                        + " every field");
                err.flush();
                return ErrorReporter.BAD_INPUT;
            }
            return 0;
        }
    }
}

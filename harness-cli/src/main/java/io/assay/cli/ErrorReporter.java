package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.spi.EnvironmentException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Problem;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into what a user should see: one line per problem plus a hint, exit code 2
 * for bad input or a missing environment (no Docker) and 1 for anything else, and a stack trace
 * only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILURES = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + Suggestion.unknownOptionBefore(e, args).orElseGet(() -> e.getMessage() + Suggestion.forError(e)));
        err.println("hint: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help shows usage and examples");
        printTrace(e, err, Arrays.asList(args).contains("--debug"));
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean debug = parsed.originalArgs().contains("--debug");
        int code = report(e, err);
        printTrace(e, err, debug);
        return code;
    }

    /** Prints {@code e} for the user and returns the exit code it deserves. */
    static int report(Exception e, PrintWriter err) {
        switch (e) {
            case InvalidSuiteException invalid -> {
                for (Problem problem : invalid.problems()) {
                    err.println("error: " + problem);
                }
                err.println("hint: fix the lines above; docs/suite-format.md describes every field");
                return BAD_INPUT;
            }
            case InputException input -> {
                err.println("error: " + input.getMessage());
                if (input.hint() != null) {
                    err.println("hint: " + input.hint());
                }
                return BAD_INPUT;
            }
            case InvalidOptionException option -> {
                err.println("error: " + option.getMessage());
                return BAD_INPUT;
            }
            case EnvironmentException environment -> {
                // The machine lacks what the suite needs (a Docker engine): say so plainly, no trace. Like
                // bad input, it is for the user to fix before anything can run, hence the same exit code.
                err.println("error: " + environment.getMessage());
                return BAD_INPUT;
            }
            default -> {
                err.println("error: internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? ": " + e.getMessage() : ""));
                err.println("hint: rerun with --debug for the stack trace, and please report it");
                return FAILURES;
            }
        }
    }

    private static void printTrace(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}

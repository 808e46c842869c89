package io.assay.cli;

import io.assay.kit.Plural;
import io.assay.trust.holdout.Commitment;
import io.assay.trust.holdout.HoldoutSplit;
import io.assay.trust.holdout.HoldoutVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay holdout}: a suite split into a public and a private part, with commitments to the private tasks. */
@Command(name = "holdout", mixinStandardHelpOptions = true,
        description = {"Holds out a private part of a suite, with commitments.",
                "`split` writes a public and a private part; commitment.json commits to each private task (salted"
                        + " SHA-256) without revealing it; publish it with the public part. `verify` proves the private part"
                        + " unchanged: every task and every other file. `assay compare` and `assay leaderboard` with --holdout report the public-minus-private"
                        + " gap (docs/trust.md)."},
        subcommands = {HoldoutCommand.Split.class, HoldoutCommand.Verify.class},
        footer = {"", "Examples:",
                "  assay holdout split examples/arithmetic --fraction 0.3 --seed 7 --out split",
                "  assay holdout verify split"})
final class HoldoutCommand {

    /** {@code assay holdout split}. */
    @Command(name = "split", mixinStandardHelpOptions = true,
            description = {"Splits a suite into a public and a private part.",
                    "Writes OUT/public (a suite to publish), OUT/private (a suite to keep secret, with its salts in"
                            + " holdout-salts.json) and OUT/commitment.json (to publish). Which tasks are held out depends"
                            + " only on --seed and the task count; the salts are random and secret. Splits declarative suites"
                            + " with a task file and Harbor task-directory suites."},
            footer = {"", "Examples:",
                    "  assay holdout split examples/arithmetic --fraction 0.3 --seed 7 --out split",
                    "  assay holdout split examples/terminal --fraction 0.5 --seed 1 --out terminal-split",
                    "",
                    "Exit codes: 0 split, 2 bad usage or input (a fraction leaving a part empty, an unsupported or invalid"
                            + " suite, an OUT that is not empty)."})
    static final class Split implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SharedOptions shared;

        @Parameters(index = "0", paramLabel = "SUITE", description = "The suite directory to split.")
        Path suite;

        @Option(names = "--fraction", required = true, paramLabel = "F",
                description = "The share of tasks held out in the private part, between 0 and 1.")
        double fraction;

        @Option(names = "--seed", required = true, paramLabel = "S", description = "Chooses the held-out tasks.")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty directory.")
        Path out;

        @Override
        public Integer call() throws IOException {
            HoldoutSplit split = HoldoutSplit.write(shared.open(), suite, fraction, seed, out);
            PrintWriter writer = spec.commandLine().getOut();
            writer.printf("split %s (%s, seed %d): %s public in %s, %s private in %s%n", split.suite(), split.format(), seed,
                    Plural.of(split.publicTasks(), "task"), out.resolve(HoldoutSplit.PUBLIC),
                    Plural.of(split.privateTasks(), "task"), out.resolve(HoldoutSplit.PRIVATE));
            writer.printf("publish %s and %s; keep %s secret, its salts file included%n",
                    out.resolve(HoldoutSplit.PUBLIC), out.resolve(Commitment.FILE), out.resolve(HoldoutSplit.PRIVATE));
            writer.flush();
            return 0;
        }
    }

    /** {@code assay holdout verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the private part against its commitments.",
                    "Proves that the private part is exactly the one commitment.json committed to: recomputes each"
                            + " private task's commitment from its salt and its bytes as they are on disk, and the"
                            + " commitment of each other file of the part (suite.yaml, the task file, the files suite.yaml"
                            + " names, suite.toml); and checks that the part loads with the content hash its salts file"
                            + " records, by which --holdout recognises runs on it."},
            footer = {"", "Examples:",
                    "  assay holdout verify split",
                    "",
                    "Exit codes: 0 every private task and file matches its commitment, 1 a task or file changed, was added"
                            + " or is missing, or the content hash differs (each named), 2 bad input (no commitment.json or"
                            + " salts file, malformed JSON)."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SharedOptions shared;

        @Parameters(index = "0", paramLabel = "DIR", description = "The directory `assay holdout split` wrote.")
        Path directory;

        @Override
        public Integer call() throws IOException {
            HoldoutVerification check = HoldoutVerification.of(shared.open(), directory);
            if (check.holds()) {
                PrintWriter writer = spec.commandLine().getOut();
                writer.printf("ok: %s match the %d commitments in %s%n", Plural.of(check.matched(), "private task"),
                        check.committed(), directory.resolve(Commitment.FILE));
                writer.printf("ok: so do the private part's other files: %s%n", String.join(", ", check.files()));
                writer.printf("ok: the private part loads with content hash %s, as %s records%n", check.contentHash(),
                        HoldoutSplit.SALTS_FILE);
                writer.flush();
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            check.failures().forEach(failure -> err.println("failed: " + failure));
            err.printf("%d of %d commitments matched; %s%n", check.matched(), check.committed(),
                    Plural.of(check.failures().size(), "failure"));
            err.flush();
            return ErrorReporter.FAILURES;
        }
    }
}

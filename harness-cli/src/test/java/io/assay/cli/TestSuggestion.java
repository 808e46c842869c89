package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A mistyped flag or subcommand gets "did you mean ...?" on its one error line. */
class TestSuggestion {

    @Test
    void aMistypedFlagOfRunNamesTheClosestOne() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--epoch", "3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().toList()).first()
                .isEqualTo("error: Unknown options: '--epoch', '3'; did you mean --epochs?");
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Possible solutions");
    }

    @Test
    void everySubcommandSuggestsItsOwnFlags() {
        CommandLine assay = AssayCommand.commandLine();
        for (Map.Entry<String, CommandLine> subcommand : assay.getSubcommands().entrySet()) {
            if (subcommand.getKey().equals("help")) {
                continue;
            }
            // Every command's longest flag with its last letter dropped: "--concurrency" as "--concurrenc".
            // Hidden flags (set by Assay itself, as on Slurm's array tasks) are not suggested.
            String flag = subcommand.getValue().getCommandSpec().options().stream().filter(option -> !option.hidden())
                    .flatMap(option -> List.of(option.names()).stream())
                    .filter(name -> name.startsWith("--")).max((a, b) -> Integer.compare(a.length(), b.length()))
                    .orElseThrow();
            String typo = flag.substring(0, flag.length() - 1);

            // "x" stands for each SUITE or RUN_DIR a command requires, which picocli checks first.
            int required = Math.max(1, subcommand.getValue().getCommandSpec().positionalParameters().stream()
                    .mapToInt(parameter -> parameter.arity().min()).sum());
            List<String> args = new ArrayList<>(List.of(subcommand.getKey(), typo));
            args.addAll(Collections.nCopies(required, "x"));
            CliResult result = run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(subcommand.getKey()).isEqualTo(2);
            assertThat(result.err().lines().toList()).as(subcommand.getKey()).first().asString()
                    .startsWith("error: Unknown option").contains("'" + typo + "'").endsWith("; did you mean " + flag + "?");
        }
    }

    @Test
    void aMistypedRequiredFlagIsNamedRatherThanReportedMissing() {
        CliResult result = run("bundle", "runs/x", "--kye", "k.pem", "--out", "x.zip");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Unknown option: '--kye'; did you mean --key?");
    }

    @Test
    void aMistypedSubcommandNamesTheClosestOne() {
        assertThat(run("rn", "examples/arithmetic").err()).startsWith("error: ").contains("; did you mean run?");
        assertThat(run("audti").err()).contains("; did you mean audit?");
        assertThat(run("suites", "valdate", "x").err()).contains("; did you mean validate?");
        assertThat(run("rn").exitCode()).isEqualTo(2);
    }

    @Test
    void aFlagWithItsValueAttachedIsMatchedByName() {
        assertThat(run("run", example("arithmetic"), "--agent", "oracle", "--timout=5s").err())
                .contains("'--timout=5s'; did you mean --timeout?");
    }

    @Test
    void closestIsWithinAFewEditsOrBegunByWhatWasTyped() {
        List<String> flags = List.of("--agent", "--agent-option", "--epochs", "--resume", "--retry-errors", "--seed", "--sink");

        assertThat(Suggestion.closest("--epoch", flags)).containsExactly("--epochs");
        assertThat(Suggestion.closest("--agnet", flags)).as("two letters swapped").containsExactly("--agent");
        assertThat(Suggestion.closest("--retry", flags)).as("a prefix").containsExactly("--retry-errors");
        assertThat(Suggestion.closest("--sead", List.of("--seed", "--read"))).as("ties are all named")
                .containsExactly("--seed", "--read");
        assertThat(Suggestion.closest("--sinks", flags)).containsExactly("--sink");
        assertThat(Suggestion.closest("--verbose", flags)).as("nothing close").isEmpty();
        assertThat(Suggestion.closest("--xyz", flags)).isEmpty();
    }

    @Test
    void distanceCountsInsertsDeletesReplacementsAndSwaps() {
        assertThat(Suggestion.distance("epochs", "epochs")).isZero();
        assertThat(Suggestion.distance("epoch", "epochs")).isEqualTo(1);
        assertThat(Suggestion.distance("epocsh", "epochs")).isEqualTo(1);
        assertThat(Suggestion.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestion.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void hiddenOptionsAreNeverSuggested() {
        CommandLine command = new CommandLine(CommandLine.Model.CommandSpec.create()
                .addOption(OptionSpec.builder("--secret").hidden(true).arity("0").build())
                .addOption(OptionSpec.builder("--secrets").arity("0").build()));
        command.setParameterExceptionHandler((e, args) -> {
            assertThat(Suggestion.forError(e)).isEqualTo("; did you mean --secrets?");
            return 2;
        });

        assertThat(command.execute("--secre")).isEqualTo(2);
    }
}

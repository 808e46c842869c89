package io.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line built for one subcommand registers that one only (so a cold start builds one
 * command's model, not twenty-one), and that command reads exactly as it does among all of them.
 */
class TestAssayCommand {

    @Test
    void aSubcommandsArgumentsRegisterThatSubcommandOnly() {
        assertThat(AssayCommand.commandLine("run", "examples/arithmetic", "--agent", "oracle").getSubcommands())
                .containsOnlyKeys("run");
        assertThat(AssayCommand.commandLine("suites", "validate", "x").getSubcommands()).containsOnlyKeys("suites");
    }

    @Test
    void helpVersionAndUnknownCommandsGetEverySubcommand() {
        int all = AssayCommand.commandLine().getSubcommands().size();
        assertThat(all).isGreaterThan(20);
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"help", "run"}, {"rnu"}}) {
            assertThat(AssayCommand.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void eachSubcommandAloneHasTheSameUsageAsAmongAllOfThem() {
        for (Map.Entry<String, CommandLine> among : AssayCommand.commandLine().getSubcommands().entrySet()) {
            if (among.getKey().equals("help")) {
                continue;
            }
            CommandLine alone = AssayCommand.commandLine(among.getKey()).getSubcommands().get(among.getKey());
            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(among.getKey())
                    .isEqualTo(among.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }
}

package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.testkit.TaskBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shell agent: a file of commands run in the trial's sandbox. */
class TestShellAgent {
    @TempDir
    Path directory;

    private Agent agent(String commands) throws Exception {
        Path file = Files.writeString(directory.resolve("commands.sh"), commands);
        return new ShellAgentFactory().create(Options.of(Map.of("file", file.toString())));
    }

    @Test
    @ExtendWith(DockerRequirement.class)
    void runsEachCommandInOrderAndAnswersTheLastOutput() throws Exception {
        Agent agent = agent("# make the answer\n\necho 41 > n.txt\n  expr $(cat n.txt) + 1  \n");
        Task task = HarborTaskDir.in(directory, "shell").write();
        try (DockerEnvironment environment =
                     (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(directory, 0));
             ContainerSession session = environment.start(task, 0)) {
            AgentOutput output = agent.act(new AgentInput(task, 0, 0, session));

            assertThat(output.answer()).isEqualTo("42\n");
            assertThat(output.trace()).extracting(step -> step.data().get("command"))
                    .containsExactly("echo 41 > n.txt", "expr $(cat n.txt) + 1");
        }
    }

    @Test
    void needsASandbox() throws Exception {
        Agent agent = agent("true\n");
        Task task = TaskBuilder.task("plain").build();

        assertThatThrownBy(() -> agent.act(new AgentInput(task, 0, 0, () -> { })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the shell agent runs commands in a sandbox");
    }

    @Test
    void needsAFileWithCommands() throws Exception {
        assertThatThrownBy(() -> agent("# nothing\n\n"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("has no commands");
        assertThatThrownBy(() -> new ShellAgentFactory().create(Options.of(Map.of("file", directory.resolve("none").toString()))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("file: cannot read the commands file");
        assertThatThrownBy(() -> new ShellAgentFactory().create(Options.empty()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("file: required string is missing");
    }
}

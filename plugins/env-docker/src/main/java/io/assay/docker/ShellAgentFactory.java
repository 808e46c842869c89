package io.assay.docker;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.CommandResult;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Sandbox;
import io.assay.spi.TraceStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --agent shell -A file=commands.sh}: runs shell commands from a file, one a line (blank
 * lines and {@code #} comments skipped), in order in the trial's sandbox; its answer is the last
 * command's stdout. A scripted stand-in for an agent, to try a task's tests by hand.
 */
public final class ShellAgentFactory implements AgentFactory {
    /** No limit of the agent's own: the sandbox's agent time limit and the trial timeout bound each command. */
    private static final Duration UNBOUNDED = Duration.ofDays(1);

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String description() {
        return "runs the commands in a file, one a line, in the task's sandbox (option: file)";
    }

    @Override
    public Agent create(Options options) {
        options.allowOnly("file");
        List<String> commands = commands(options);
        return input -> {
            if (!(input.environment() instanceof Sandbox sandbox)) {
                throw new IllegalStateException("the shell agent runs commands in a sandbox, but task "
                        + input.task().id() + " has none; use it with a docker suite");
            }
            String answer = "";
            List<TraceStep> trace = new ArrayList<>(commands.size());
            for (String command : commands) {
                CommandResult result = sandbox.run(command, UNBOUNDED);
                trace.add(ContainerSession.commandStep(command, result));
                answer = result.stdout();
            }
            return new AgentOutput(answer, trace);
        };
    }

    private static List<String> commands(Options options) {
        String field = options.field("file");
        Path file;
        try {
            file = Path.of(options.string("file"));
        } catch (InvalidPathException e) {
            throw new InvalidOptionException(field, "expected a file of shell commands: " + e.getMessage());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidOptionException(field, "cannot read the commands file " + file + ": " + e.getMessage());
        }
        List<String> commands = lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        if (commands.isEmpty()) {
            throw new InvalidOptionException(field, file + " has no commands; expected one shell command a line");
        }
        return commands;
    }
}

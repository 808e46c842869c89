package io.assay.agents.model;

import io.assay.models.ToolCall;
import io.assay.spi.CommandResult;
import io.assay.spi.Sandbox;
import io.assay.spi.Tool;
import io.assay.spi.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The one tool the {@code react} agent has in a sandbox: run a shell command, see its exit code and output. */
final class BashTool {

    static final String NAME = "bash";
    static final Tool SPEC = new Tool(NAME,
            "Runs a shell command with sh -c in the working directory and returns its exit code, stdout and stderr.",
            Map.of("type", "object",
                    "properties", Map.of("command", Map.of("type", "string", "description", "the command to run")),
                    "required", List.of("command")),
            false);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    /** Per stream: a build log of megabytes would fill the model's context and the trace. */
    static final int SHOWN_CHARS = 4000;

    private BashTool() {
    }

    /**
     * Runs the call's command for at most {@link #COMMAND_TIMEOUT} or {@code timeLeft}, whichever is
     * shorter. A call the model got wrong comes back as an error result it can read and correct.
     */
    static ToolResult run(Sandbox sandbox, ToolCall call, Duration timeLeft) throws InterruptedException {
        if (!call.name().equals(NAME)) {
            return ToolResult.error("error: unknown tool '" + call.name() + "'; the only tool is " + NAME);
        }
        if (!(call.arguments().get("command") instanceof String command) || command.isBlank()) {
            return ToolResult.error("error: " + NAME + " needs a non-empty string argument \"command\"");
        }
        Duration timeout = timeLeft.compareTo(COMMAND_TIMEOUT) < 0 ? timeLeft : COMMAND_TIMEOUT;
        CommandResult result = sandbox.run(command, timeout);
        return new ToolResult(describe(result, timeout), result.exitCode() != 0 || result.timedOut());
    }

    private static String describe(CommandResult result, Duration timeout) {
        StringBuilder text = new StringBuilder("exit code: ").append(result.exitCode());
        if (result.timedOut()) {
            text.append(" (killed: still running after ").append(timeout.toSeconds()).append(" s)");
        }
        if (result.truncated()) {
            text.append("\n[the sandbox cut this output at its own limit]");
        }
        text.append("\nstdout:\n").append(cut(result.stdout()));
        text.append("\nstderr:\n").append(cut(result.stderr()));
        return text.toString();
    }

    /** The start and the end, where a listing's header and an error's last lines are. */
    private static String cut(String output) {
        if (output.length() <= SHOWN_CHARS) {
            return output;
        }
        int half = SHOWN_CHARS / 2;
        return output.substring(0, half) + "\n[... " + (output.length() - SHOWN_CHARS) + " characters cut ...]\n"
                + output.substring(output.length() - half);
    }
}

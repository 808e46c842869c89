package io.assay.judge;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Message;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a judge grades, a spec's {@code over}: the agent's {@code answer} (the default), or the
 * whole {@code conversation} between the agent and the simulated user of a tool environment, as
 * tau2-bench's natural-language assertions are judged.
 */
enum Material {
    ANSWER("AGENT ANSWER"),
    CONVERSATION("CONVERSATION");

    /** The name of the section of the judge's prompt that holds it. */
    final String section;

    Material(String section) {
        this.section = section;
    }

    static Material named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The text graded: the answer, or each message of the conversation as {@code user: ...} and {@code agent: ...}. */
    String of(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        if (this == ANSWER) {
            return output.answer();
        }
        if (environment.orElse(null) instanceof ToolEnvironment tools) {
            return tools.conversation().stream()
                    .map(message -> (message.role() == Message.Role.USER ? "user: " : "agent: ") + message.content())
                    .collect(Collectors.joining("\n\n"));
        }
        throw new IllegalStateException("judge over: conversation grades a tool environment's conversation, but task '"
                + task.id() + "' has none; use over: answer");
    }
}

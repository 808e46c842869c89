package io.assay.spi;

import java.util.List;
import java.util.Optional;

/**
 * The simulated user an agent talks to in a {@link ToolEnvironment}. A scripted user says the
 * task's prompt, then its {@link Task#userTurns()} one per agent message; a model-driven user
 * implements the same method.
 *
 * <pre>{@code
 * UserSimulator polite = (task, conversation) -> conversation.isEmpty()
 *         ? Optional.of(task.prompt())
 *         : Optional.empty(); // ends the conversation after the agent's first reply
 * }</pre>
 */
@FunctionalInterface
public interface UserSimulator {

    /**
     * The user's next message, or empty when the user ends the conversation.
     *
     * @param conversation everything said so far, oldest first; empty for the opening message
     */
    Optional<String> reply(Task task, List<Message> conversation) throws InterruptedException;
}

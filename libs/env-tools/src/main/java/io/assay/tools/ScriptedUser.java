package io.assay.tools;

import io.assay.spi.Message;
import io.assay.spi.Task;
import io.assay.spi.UserSimulator;
import java.util.List;
import java.util.Optional;

/**
 * The deterministic user: opens with the task's prompt, then answers each agent message with the
 * next of the task's {@code user_turns}, and ends the conversation when they run out.
 */
final class ScriptedUser implements UserSimulator {

    @Override
    public Optional<String> reply(Task task, List<Message> conversation) {
        if (conversation.isEmpty()) {
            return Optional.of(task.prompt());
        }
        long said = conversation.stream().filter(message -> message.role() == Message.Role.USER).count();
        return said <= task.userTurns().size() ? Optional.of(task.userTurns().get((int) said - 1)) : Optional.empty();
    }
}

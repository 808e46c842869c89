package io.assay.spi;

import java.util.Objects;

/**
 * One message of the conversation between the agent and the simulated user.
 *
 * <pre>{@code
 * new Message(Message.Role.USER, "I'd like to cancel order #W2378156.");
 * }</pre>
 *
 * @param role who said it
 * @param content what was said
 */
public record Message(Role role, String content) {

    public Message {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }

    /** Who speaks. */
    public enum Role {
        USER, AGENT
    }
}

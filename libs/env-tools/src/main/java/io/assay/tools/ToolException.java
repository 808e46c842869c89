package io.assay.tools;

/**
 * A tool call that breaks a domain rule, such as cancelling a delivered order. Its message is
 * what the agent sees, so it says what was wrong and what is allowed.
 */
public final class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message, null, false, false);
    }
}

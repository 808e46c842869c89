package io.assay.launcher;

/**
 * The user's input is wrong: a bad file, flag or name. The CLI prints the message and the hint on
 * one line each, without a stack trace, and exits with code 2.
 */
public class InputException extends RuntimeException {
    private final String hint;

    public InputException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public InputException(String message) {
        this(message, null);
    }

    /** What to do about it, or {@code null}. */
    public String hint() {
        return hint;
    }
}

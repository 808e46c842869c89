package io.assay.core.run;

/** How a trial's record names a failure. */
final class Failures {

    private Failures() {
    }

    /** "IllegalStateException: message", or the type alone when there is no message. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}

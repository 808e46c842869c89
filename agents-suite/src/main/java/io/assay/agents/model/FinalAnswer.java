package io.assay.agents.model;

/** The answer in a model's reply: what follows its last {@code ANSWER:}, or the whole reply without one. */
final class FinalAnswer {

    static final String MARKER = "ANSWER:";

    private FinalAnswer() {
    }

    /**
     * The text after the last {@value #MARKER}, trimmed. A reply without the marker is returned
     * whole (trimmed), so a check that reads the entire reply can still grade it.
     */
    static String of(String reply) {
        int marker = reply.lastIndexOf(MARKER);
        return (marker < 0 ? reply : reply.substring(marker + MARKER.length())).strip();
    }
}

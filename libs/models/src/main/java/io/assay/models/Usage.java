package io.assay.models;

/**
 * Tokens one call consumed, as the endpoint reported them.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens generated tokens
 */
public record Usage(long inputTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}

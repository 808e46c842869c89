package io.assay.trust.contamination;

/**
 * How much of one text of a task (its prompt, or its reference answers together) the corpus holds.
 *
 * <pre>{@code
 * new FieldOverlap(40, 28, 28, match).fraction()   // 1.0: every 13-gram of the prompt is in the corpus
 * }</pre>
 *
 * @param tokens normalised tokens
 * @param ngrams n-grams, {@code tokens - n + 1} per text; 0 when shorter than n, so not checkable
 * @param matched n-grams found in the corpus
 * @param firstMatch where the first was found, or {@code null}
 */
public record FieldOverlap(int tokens, int ngrams, int matched, CorpusMatch firstMatch) {

    /** Whether the text has an n-gram to look for. */
    public boolean checkable() {
        return ngrams > 0;
    }

    /** {@code matched / ngrams}, or {@code null} when not checkable. */
    public Double fraction() {
        return checkable() ? (double) matched / ngrams : null;
    }

    /** Whether the corpus holds at least {@code threshold} of its n-grams, and at least one. */
    boolean overlaps(double threshold) {
        return matched > 0 && fraction() >= threshold;
    }
}

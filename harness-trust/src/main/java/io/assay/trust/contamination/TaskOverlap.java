package io.assay.trust.contamination;

/**
 * One task's overlap with the corpus.
 *
 * <pre>{@code
 * new TaskOverlap("q7", Status.OVERLAP, prompt, answer)
 * }</pre>
 *
 * @param task the task id
 * @param status what can be said of it
 * @param prompt its prompt's overlap
 * @param answer its reference answers' overlap, all of them together
 */
public record TaskOverlap(String task, Status status, FieldOverlap prompt, FieldOverlap answer) {

    /** What the check can say of a task. */
    public enum Status {
        /** The corpus holds enough of its prompt's or answer's n-grams. */
        OVERLAP("overlap"),
        /** It has n-grams and the corpus holds too few of them. */
        CLEAN("clean"),
        /** Its prompt and answers are each shorter than n tokens: nothing to look for, so never called clean. */
        NOT_CHECKABLE("not checkable");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** How reports write it. */
        public String label() {
            return label;
        }
    }
}

package io.assay.kit;

/**
 * A count with its noun in agreement ("1 task", "3 tasks"), for the messages people read. Nouns
 * here take a plain {@code s}; the last word of a phrase is the one that changes
 * ({@code "harness error"} becomes {@code "harness errors"}).
 *
 * <pre>{@code
 * "removed " + Plural.of(containers, "container")   // "removed 1 container", "removed 3 containers"
 * }</pre>
 */
public final class Plural {

    private Plural() {
    }

    /** {@code of(1, "task")} is {@code "1 task"}, {@code of(0, "task")} is {@code "0 tasks"}. */
    public static String of(long count, String noun) {
        return count + " " + noun(count, noun);
    }

    /** The noun alone, in the form {@code count} needs: for counts printed separately, as in a table. */
    public static String noun(long count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}

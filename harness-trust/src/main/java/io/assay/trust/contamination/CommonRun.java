package io.assay.trust.contamination;

import java.util.Collections;
import java.util.List;

/**
 * The longest run of tokens two texts share, in order and without a gap: how much of a held-out
 * text a model's reply reproduces word for word.
 *
 * <pre>{@code
 * CommonRun.of(List.of("so", "she", "pays", "with", "a"), List.of("she", "pays", "with", "cash"))
 * // CommonRun[tokens=[she, pays, with]]
 * }</pre>
 *
 * @param tokens the shared run, empty when the texts share no token
 */
record CommonRun(List<String> tokens) {

    CommonRun {
        tokens = List.copyOf(tokens);
    }

    int length() {
        return tokens.size();
    }

    /** The longest run {@code reply} and {@code original} share; dynamic programming over both, O(|reply| x |original|). */
    static CommonRun of(List<String> reply, List<String> original) {
        int[] previous = new int[original.size() + 1];
        int best = 0;
        int bestEnd = 0;
        for (String word : reply) {
            int[] current = new int[original.size() + 1];
            for (int j = 1; j <= original.size(); j++) {
                if (word.equals(original.get(j - 1))) {
                    current[j] = previous[j - 1] + 1;
                    if (current[j] > best) {
                        best = current[j];
                        bestEnd = j;
                    }
                }
            }
            previous = current;
        }
        return new CommonRun(original.subList(bestEnd - best, bestEnd));
    }

    /** Whether {@code text} holds this run: then a reply could have copied it from what it was shown. */
    boolean within(List<String> text) {
        return !tokens.isEmpty() && Collections.indexOfSubList(text, tokens) >= 0;
    }
}

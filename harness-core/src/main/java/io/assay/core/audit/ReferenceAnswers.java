package io.assay.core.audit;

import io.assay.core.json.Json;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** How probes read a task's reference: as text the oracle would answer, and as choice letters. */
public final class ReferenceAnswers {
    private static final String DEFAULT_LETTERS = "ABCDEFGHIJ";

    private ReferenceAnswers() {
    }

    /** The reference solution as the oracle agent answers it: strings as they are, other values as JSON. */
    public static String text(Task task) {
        Object solution = task.solution() != null ? task.solution() : task.answer();
        if (solution == null) {
            return "";
        }
        return solution instanceof String s ? s : Json.write(solution);
    }

    /** Whether {@code spec} is the built-in {@code choice} check. */
    public static boolean isChoice(Options spec) {
        return "choice".equals(spec.get("type"));
    }

    /** The letters a {@code choice} spec accepts, upper case, in order. */
    public static Set<Character> choiceLetters(Options spec) {
        String letters = spec.get("letters") instanceof String s ? s : DEFAULT_LETTERS;
        Set<Character> result = new LinkedHashSet<>();
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetter(c)) {
                result.add(c);
            }
        }
        return result;
    }
}

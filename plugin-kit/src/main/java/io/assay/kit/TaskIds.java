package io.assay.kit;

import java.util.Comparator;

/**
 * Task ids in the order people read them: numbers by value ({@code 2} before {@code 12}), then the rest as text.
 *
 * <pre>{@code
 * ids.sort(TaskIds.ORDER); // [2, 12, q1, q10, q2]
 * }</pre>
 */
public final class TaskIds {
    public static final Comparator<String> ORDER = (a, b) -> {
        boolean aNumber = isNumber(a);
        boolean bNumber = isNumber(b);
        if (aNumber && bNumber) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return aNumber != bNumber ? (aNumber ? -1 : 1) : a.compareTo(b); // numbers first keeps the order transitive
    };

    private TaskIds() {
    }

    private static boolean isNumber(String id) {
        if (id.isEmpty() || id.length() > 18) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

package io.assay.cli;

import java.util.Comparator;

/** Task ids in the order people read them: numbers by value ({@code 2} before {@code 12}), then text. */
final class TaskIds {
    static final Comparator<String> ORDER = (a, b) -> {
        boolean numbers = a.matches("\\d{1,18}") && b.matches("\\d{1,18}");
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    };

    private TaskIds() {
    }
}

package io.assay.tools;

import java.util.Map;

/** One gold action, a call of a tool by name as a task's answer writes it: {@code {"name": ..., "arguments": {...}}}. */
record GoldAction(String name, Map<String, Object> arguments) {

    @Override
    public String toString() {
        return name + " " + arguments;
    }
}

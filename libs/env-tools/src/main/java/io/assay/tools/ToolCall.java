package io.assay.tools;

import java.util.Map;

/** One call of a tool by name, as gold actions and scripts write it: {@code {"name": ..., "arguments": {...}}}. */
record ToolCall(String name, Map<String, Object> arguments) {

    @Override
    public String toString() {
        return name + " " + arguments;
    }
}

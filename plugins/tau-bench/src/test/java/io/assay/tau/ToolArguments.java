package io.assay.tau;

import java.util.LinkedHashMap;
import java.util.Map;

/** Tool-call arguments for the domains' tests, in the order given. */
public final class ToolArguments {

    private ToolArguments() {
    }

    /** Arguments from alternating names and values: {@code args("order_id", "#W1", "reason", "ordered by mistake")}. */
    public static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }
}

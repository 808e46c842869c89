package io.assay.testkit;

import io.assay.spi.Options;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Options} as a suite file or the command line gives them: fields in the order written, at
 * the path that error messages name ({@code reward.pattern: required string is missing}).
 *
 * <pre>{@code
 * Options regex = Specs.reward("regex", "pattern", "^4[0-9]$");      // reward: {type: regex, pattern: ...}
 * Options docker = Specs.environment("docker", "suite_dir", "/suites/terminal");
 * Options agent = Specs.options("", "model", "openai/gpt-4o-mini");  // -A model=openai/gpt-4o-mini
 * }</pre>
 */
public final class Specs {

    private Specs() {
    }

    /**
     * Options at {@code path} from alternating field names and values.
     *
     * @param path where the object sits in its document, such as {@code reward.checks[1]}; empty at the top
     */
    public static Options options(String path, Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values must come in pairs, got " + fieldsAndValues.length
                    + " items for options at '" + path + "'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (!(fieldsAndValues[i] instanceof String field)) {
                throw new IllegalArgumentException("item " + i + " of the options at '" + path
                        + "' must be a field name, got " + Options.describe(fieldsAndValues[i]));
            }
            values.put(field, fieldsAndValues[i + 1]);
        }
        return new Options(path, values);
    }

    /** A reward spec, {@code reward: {type: TYPE, ...}}: its {@code type} first, then the other fields. */
    public static Options reward(String type, Object... fieldsAndValues) {
        return typed("reward", type, fieldsAndValues);
    }

    /** An environment spec, {@code environment: {type: TYPE, ...}}. */
    public static Options environment(String type, Object... fieldsAndValues) {
        return typed("environment", type, fieldsAndValues);
    }

    private static Options typed(String path, String type, Object... fieldsAndValues) {
        Object[] all = new Object[fieldsAndValues.length + 2];
        all[0] = "type";
        all[1] = type;
        System.arraycopy(fieldsAndValues, 0, all, 2, fieldsAndValues.length);
        return options(path, all);
    }
}

package io.assay.cli;

import io.assay.launcher.InputException;
import java.util.Map;

/**
 * Flags that are shorthands for a {@code KEY=VALUE} option ({@code --model M} for
 * {@code -A model=M}, {@code --user-model M} for {@code -E user_model=M}): one way to set each key.
 */
final class FlagOptions {

    private FlagOptions() {
    }

    /**
     * Sets {@code key} to the shorthand's {@code value}, unless the flag was not given ({@code null}).
     *
     * @param longhand the repeatable flag the key could also be given with, and whose options they are,
     *     as in "-A" and "agent"
     * @throws InputException when the long form set the key too
     */
    static void set(Map<String, Object> options, String flag, String longhand, String whose, String key, Object value) {
        if (value == null) {
            return;
        }
        if (options.containsKey(key)) {
            throw new InputException(flag + " and " + longhand + " " + key + "= both set the " + whose + "'s " + key,
                    "use one of them");
        }
        options.put(key, value);
    }
}

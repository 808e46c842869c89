package io.assay.core.plugin;

import io.assay.launcher.InputException;
import java.util.Collection;

/** A name that no loaded plugin provides; lists the names that would work, or says there are none. */
public final class UnknownComponentException extends InputException {
    private static final String PLUGIN_DIRECTORIES = " with --plugin-dir DIR, ASSAY_PLUGIN_PATH or plugin_path in the"
            + " config file (docs/writing-a-plugin.md)";

    public UnknownComponentException(RegisteredComponent.Kind kind, String name, Collection<String> available) {
        super("unknown " + kind.label() + " '" + name + "'; " + choices(kind.label(), available), available.isEmpty()
                ? "add a plugin that provides one" + PLUGIN_DIRECTORIES
                : "run `assay plugins` to list every component, or add a plugin" + PLUGIN_DIRECTORIES);
    }

    /** {@code available: a, b}, or that no {@code noun} is installed rather than an empty list. */
    static String choices(String noun, Collection<String> available) {
        return available.isEmpty() ? "no " + noun + " is installed" : "available: " + String.join(", ", available);
    }
}

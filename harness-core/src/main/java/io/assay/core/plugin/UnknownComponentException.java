package io.assay.core.plugin;

import io.assay.core.InputException;
import java.util.Collection;

/** A name that no loaded plugin provides; lists the names that would work. */
public final class UnknownComponentException extends InputException {

    public UnknownComponentException(RegisteredComponent.Kind kind, String name, Collection<String> available) {
        super("unknown " + kind.label() + " '" + name + "'; available: " + String.join(", ", available),
                "run `assay plugins` to list every component, or add a jar with --plugin-dir");
    }
}

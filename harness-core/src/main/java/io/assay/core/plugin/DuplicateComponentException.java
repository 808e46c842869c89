package io.assay.core.plugin;

import io.assay.launcher.InputException;

/** Two plugins register the same name for the same kind; names both sources so the user can remove one. */
public final class DuplicateComponentException extends InputException {

    public DuplicateComponentException(RegisteredComponent first, RegisteredComponent second) {
        super(first.kind().label() + " '" + first.name() + "' is registered twice: by "
                        + first.plugin() + " in " + first.source() + " and by "
                        + second.plugin() + " in " + second.source(),
                "remove one of the two jars, or rename the component in one plugin");
    }
}

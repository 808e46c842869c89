package io.assay.core.plugin;

import io.assay.spi.Component;

/**
 * A component together with where it came from, for {@code assay plugins} and error messages.
 *
 * @param kind what sort of component ({@link Kind})
 * @param component the component itself
 * @param plugin the class name of the {@link io.assay.spi.AssayPlugin} that contributed it
 * @param version the plugin's version, or {@code unknown}
 * @param source the jar or directory the plugin was loaded from
 */
public record RegisteredComponent(Kind kind, Component component, String plugin, String version, String source) {

    public String name() {
        return component.name();
    }

    /** The kinds of component a plugin can contribute, named as users see them. */
    public enum Kind {
        SUITE_LOADER("suite-loader"),
        ENVIRONMENT("environment"),
        AGENT("agent"),
        REWARD_CHECK("reward-check"),
        AUDIT_PROBE("audit-probe"),
        RESULT_SINK("result-sink"),
        SWEEPER("sweeper");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The user-facing name, for example {@code reward-check}. */
        public String label() {
            return label;
        }
    }
}

package io.assay.spi;

/**
 * Something a plugin contributes under a name: an agent, a reward check, an environment and so on.
 *
 * <pre>{@code
 * public String name() { return "similarity"; }
 * public String description() { return "normalized edit-distance similarity to the answer"; }
 * }</pre>
 */
public interface Component {

    /** The name users write to select it, for example {@code exact}; lower case, digits and {@code -_}. */
    String name();

    /** One line for {@code assay plugins}. */
    default String description() {
        return "";
    }
}

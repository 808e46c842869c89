package io.assay.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The plugins a distribution ships with: the {@code plugins} folder beside the jar the command runs
 * from ({@code assay.jar}), or beside its classes folder when it runs from a build tree
 * ({@code target/classes}, so {@code target/plugins}). It is a plugin directory like any other:
 * each jar in it loads through a class loader of its own.
 *
 * <pre>{@code
 * List<Path> directories = new ArrayList<>(BundledPlugins.besideCodeOf(AssayCommand.class).stream().toList());
 * directories.addAll(userPluginDirectories);
 * ComponentRegistry registry = new PluginLoader().load(directories);
 * }</pre>
 */
public final class BundledPlugins {
    private static final String FOLDER = "plugins";

    private BundledPlugins() {
    }

    /** The plugin folder beside the jar or classes folder {@code type} was loaded from; empty when there is none. */
    public static Optional<Path> besideCodeOf(Class<?> type) {
        return PluginLoader.codePath(type).map(code -> code.resolveSibling(FOLDER)).filter(Files::isDirectory);
    }
}

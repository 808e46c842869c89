package io.assay.core.plugin;

import io.assay.launcher.InputException;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.AssayPlugin;
import io.assay.spi.Component;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds every {@link AssayPlugin} and registers its components: first the built-ins on the class
 * path the core was loaded from, then the plugins in each {@code --plugin-dir}.
 *
 * <p>In a plugin directory, each {@code *.jar} is one plugin with a class loader of its own, and
 * each sub-directory holding jars is one plugin whose class loader holds all of them (the plugin
 * and its private libraries). Entries are taken in name order, so registration order does not
 * depend on the file system. Sub-directories without jars are skipped, which lets a Maven
 * {@code target} folder serve as a plugin directory. Every call into such a plugin, from its
 * constructor on, runs with its class loader as the thread's context class loader
 * ({@link ContextClassLoaderProxy}).
 *
 * <pre>{@code
 * ComponentRegistry registry = new PluginLoader().load(List.of(Path.of("plugins")));
 * }</pre>
 */
public final class PluginLoader {
    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String SERVICES_FILE = "META-INF/services/" + AssayPlugin.class.getName();
    private static final String DIRECTORY_HINT = "a plugin directory (--plugin-dir, ASSAY_PLUGIN_PATH or plugin_path in the"
            + " config file) holds plugin jars, or sub-folders that each hold one plugin and its libraries";
    private static final String JAR_HINT = "a plugin jar needs " + SERVICES_FILE + " naming its plugin class;"
            + " the libraries it needs belong beside it in a sub-folder of the plugin directory";

    private final ClassLoader builtIns;

    /** Loads built-ins from the class path of the core itself. */
    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    /** @param builtIns the class loader whose class path holds the built-in plugins */
    PluginLoader(ClassLoader builtIns) {
        this.builtIns = builtIns;
    }

    /**
     * Loads the built-ins and the plugins in {@code pluginDirs}, in that order.
     *
     * @throws InputException when a directory or jar is unusable or a component name is invalid
     * @throws DuplicateComponentException when two plugins register the same name for one kind
     */
    public ComponentRegistry load(List<Path> pluginDirs) {
        List<RegisteredComponent> components = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        for (AssayPlugin plugin : plugins(builtIns, "the class path")) {
            register(plugin, UnaryOperator.identity(), components);
        }
        for (Path directory : pluginDirs) {
            for (PluginLocation location : locations(directory)) {
                ClassLoader loader = new PluginClassLoader(location.path().getFileName().toString(),
                        location.urls(), AssayPlugin.class.getClassLoader());
                List<AssayPlugin> plugins;
                try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(loader)) {
                    plugins = plugins(loader, location.path().toString()); // runs the plugins' constructors
                }
                if (plugins.isEmpty()) {
                    throw new InputException("no plugin in " + location.path() + ": it has no " + SERVICES_FILE,
                            JAR_HINT);
                }
                plugins.forEach(plugin -> register(plugin,
                        object -> ContextClassLoaderProxy.wrap(object, loader), components));
                jars.addAll(location.jars());
            }
        }
        return new ComponentRegistry(components, jars);
    }

    private static List<AssayPlugin> plugins(ClassLoader loader, String where) {
        List<AssayPlugin> plugins = new ArrayList<>();
        try {
            ServiceLoader.load(AssayPlugin.class, loader).forEach(plugins::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            throw inputException("cannot load a plugin from " + where + ": " + describe(e), JAR_HINT, e);
        }
        return plugins;
    }

    /**
     * @param calls how the host calls into the plugin: as it is (class path), or, for a plugin with a
     *     class loader of its own, through a {@link ContextClassLoaderProxy} for that loader
     */
    private static void register(AssayPlugin plugin, UnaryOperator<Object> calls, List<RegisteredComponent> components) {
        Class<?> pluginClass = plugin.getClass();
        String version = Objects.requireNonNullElse(pluginClass.getPackage().getImplementationVersion(), "unknown");
        String source = sourceOf(pluginClass);
        AssayPlugin lister = (AssayPlugin) calls.apply(plugin);
        for (Kind kind : Kind.values()) {
            for (Component listed : componentsOf(lister, pluginClass, kind, source)) {
                Component component = (Component) calls.apply(listed);
                String name = component.name();
                if (name == null || !COMPONENT_NAME.matcher(name).matches()) {
                    throw new InputException(kind.label() + " name '" + name + "' of plugin " + pluginClass.getName()
                            + " in " + source + " is invalid: expected lower-case letters, digits, '-' and '_',"
                            + " starting with a letter or digit", "rename the component in the plugin");
                }
                components.add(new RegisteredComponent(kind, component, pluginClass.getName(), version, source));
            }
        }
    }

    private static List<Component> componentsOf(AssayPlugin plugin, Class<?> pluginClass, Kind kind, String source) {
        try {
            List<? extends Component> listed = switch (kind) {
                case SUITE_LOADER -> plugin.suiteLoaders();
                case ENVIRONMENT -> plugin.environments();
                case AGENT -> plugin.agents();
                case REWARD_CHECK -> plugin.rewardChecks();
                case AUDIT_PROBE -> plugin.auditProbes();
                case RESULT_SINK -> plugin.resultSinks();
                case SWEEPER -> plugin.sweepers();
            };
            return List.copyOf(listed);
        } catch (RuntimeException | LinkageError e) {
            throw inputException("plugin " + pluginClass.getName() + " in " + source + " failed to list its "
                    + kind.label() + " components: " + describe(e), JAR_HINT, e);
        }
    }

    /** The jar's file name, or the classes directory's path when running from a build tree. */
    private static String sourceOf(Class<?> type) {
        return codePath(type).map(path -> Files.isDirectory(path) ? path.toString() : path.getFileName().toString())
                .orElse("unknown");
    }

    /** The jar or classes directory {@code type} was loaded from, when that is a file. */
    static Optional<Path> codePath(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(code.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<PluginLocation> locations(Path directory) {
        if (!Files.exists(directory)) {
            throw new InputException("plugin directory " + directory + " does not exist", DIRECTORY_HINT);
        }
        if (!Files.isDirectory(directory)) {
            throw new InputException("plugin directory " + directory + " is not a directory", DIRECTORY_HINT);
        }
        List<PluginLocation> locations = new ArrayList<>();
        for (Path entry : sortedEntries(directory)) {
            if (isJar(entry)) {
                locations.add(new PluginLocation(entry, List.of(entry)));
            } else if (Files.isDirectory(entry)) {
                List<Path> jars = sortedEntries(entry).stream().filter(PluginLoader::isJar).toList();
                if (!jars.isEmpty()) {
                    locations.add(new PluginLocation(entry, jars));
                }
            }
        }
        if (locations.isEmpty()) {
            throw new InputException("plugin directory " + directory + " holds no plugin: no *.jar in it"
                    + " or in its sub-directories", DIRECTORY_HINT);
        }
        return locations;
    }

    private static List<Path> sortedEntries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted(Comparator.comparing(entry -> entry.getFileName().toString())).toList();
        } catch (IOException e) {
            throw inputException("cannot list plugin directory " + directory + ": " + e, DIRECTORY_HINT, e);
        }
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path);
    }

    private static String describe(Throwable e) {
        String text = e instanceof ServiceConfigurationError ? e.getMessage() : e.toString();
        return e.getCause() == null ? text : text + " (" + e.getCause() + ")";
    }

    private static InputException inputException(String message, String hint, Throwable cause) {
        InputException exception = new InputException(message, hint);
        exception.initCause(cause);
        return exception;
    }

    /** One plugin in a plugin directory: a jar, or a sub-directory and the jars in it. */
    private record PluginLocation(Path path, List<Path> jars) {

        List<URL> urls() {
            List<URL> urls = new ArrayList<>(jars.size());
            for (Path jar : jars) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("no URL for " + jar, e);
                }
            }
            return urls;
        }
    }
}

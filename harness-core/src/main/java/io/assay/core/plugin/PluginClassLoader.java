package io.assay.core.plugin;

import io.assay.spi.AssayPlugin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin: its own jars first, then the JDK's platform classes. Only the
 * SPI package {@code io.assay.spi} comes from the host, so the plugin and the core agree on the
 * contract while each keeps its own Jackson, Guice or anything else. A plugin jar that bundles
 * SPI classes by mistake still gets the host's, since those names never reach its own jars.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String SPI_PACKAGE = AssayPlugin.class.getPackageName();
    private static final String SPI_RESOURCE_FOLDER = SPI_PACKAGE.replace('.', '/');

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader spiLoader;

    /**
     * @param name shown in stack traces and class loader errors, for example the jar's name
     * @param urls the plugin's jars
     * @param spiLoader the host class loader that defines {@code io.assay.spi}
     */
    PluginClassLoader(String name, List<URL> urls, ClassLoader spiLoader) {
        super(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.spiLoader = spiLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isInSpiPackage(name, '.', SPI_PACKAGE)) {
            return spiLoader.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    type = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isInSpiPackage(name, '/', SPI_RESOURCE_FOLDER)) {
            return spiLoader.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isInSpiPackage(name, '/', SPI_RESOURCE_FOLDER)) {
            return spiLoader.getResources(name);
        }
        List<URL> found = Collections.list(findResources(name));
        found.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(found);
    }

    /** Directly in the package, not a sub-package: only the SPI itself is shared. */
    private static boolean isInSpiPackage(String name, char separator, String spiPackage) {
        return name.startsWith(spiPackage) && name.length() > spiPackage.length()
                && name.charAt(spiPackage.length()) == separator
                && name.indexOf(separator, spiPackage.length() + 1) < 0;
    }
}

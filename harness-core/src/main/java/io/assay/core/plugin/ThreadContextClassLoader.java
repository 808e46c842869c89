package io.assay.core.plugin;

/**
 * Makes a plugin's class loader the current thread's context class loader until closed, then puts
 * the previous one back (Trino's pattern of the same name).
 *
 * <pre>{@code
 * try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(pluginLoader)) {
 *     plugin.agents();
 * }
 * }</pre>
 */
final class ThreadContextClassLoader implements AutoCloseable {
    private final Thread thread = Thread.currentThread();
    private final ClassLoader previous;

    ThreadContextClassLoader(ClassLoader loader) {
        previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}

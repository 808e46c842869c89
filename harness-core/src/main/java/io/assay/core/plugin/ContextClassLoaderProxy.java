package io.assay.core.plugin;

import io.assay.spi.AssayPlugin;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every call into one object of an isolated plugin with the plugin's class loader as the
 * thread's context class loader, and puts the caller's back afterwards (Trino's
 * ThreadContextClassLoader pattern). Libraries inside the plugin that look classes or services up
 * through the context class loader (Jackson's modules, {@link java.util.ServiceLoader}, JNA) then
 * find the plugin's own, not the host's.
 *
 * <p>One {@link Proxy} serves every SPI interface: it implements each {@code io.assay.spi}
 * interface its object implements, so {@code session instanceof Sandbox} holds for a proxied
 * session as for the session itself. What a call returns through an SPI-interface type (the agent a
 * factory creates, an environment's session, a reward check, a result sink) is proxied for the same
 * plugin as it leaves, so a plugin's products carry its class loader wherever the host or another
 * plugin calls them. An argument that is a proxy over an object of the callee's own plugin, directly
 * or in an {@link Optional}, reaches the callee unwrapped: a plugin handed back its own session
 * still sees its own class (env-docker's {@code harbor-tests} check grades its ContainerSession).
 *
 * <pre>{@code
 * AgentFactory factory = ContextClassLoaderProxy.wrap(pluginFactory, pluginLoader);
 * Agent agent = factory.create(options); // created, and later called, under pluginLoader
 * }</pre>
 */
final class ContextClassLoaderProxy implements InvocationHandler {
    private static final String SPI_PACKAGE = AssayPlugin.class.getPackageName();
    private static final ClassLoader SPI_LOADER = AssayPlugin.class.getClassLoader();
    private static final ClassValue<Class<?>[]> SPI_INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            Set<Class<?>> interfaces = new LinkedHashSet<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Class<?> implemented : c.getInterfaces()) {
                    addSpiInterfaces(implemented, interfaces);
                }
            }
            return interfaces.toArray(Class<?>[]::new);
        }
    };

    private final Object target;
    private final ClassLoader loader;

    private ContextClassLoaderProxy(Object target, ClassLoader loader) {
        this.target = target;
        this.loader = loader;
    }

    /**
     * {@code target} behind a proxy that calls it under {@code loader}; {@code target} itself when it
     * is null, already such a proxy (of whichever plugin), or implements no SPI interface.
     *
     * @param <T> an SPI interface type that {@code target} is used as
     */
    @SuppressWarnings("unchecked")
    static <T> T wrap(T target, ClassLoader loader) {
        if (target == null || handlerOf(target) != null) {
            return target;
        }
        Class<?>[] interfaces = SPI_INTERFACES.get(target.getClass());
        if (interfaces.length == 0) {
            return target;
        }
        return (T) Proxy.newProxyInstance(SPI_LOADER, interfaces, new ContextClassLoaderProxy(target, loader));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                args[i] = unwrapOwn(args[i]);
            }
        }
        Object result;
        try (ThreadContextClassLoader ignored = new ThreadContextClassLoader(loader)) {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // what the plugin threw, as if called directly
        }
        return isSpiInterface(method.getReturnType()) ? wrap(result, loader) : result;
    }

    /** The object behind {@code argument} when it is a proxy of this same plugin; else {@code argument}. */
    private Object unwrapOwn(Object argument) {
        if (argument instanceof Optional<?> optional && optional.isPresent()) {
            Object inner = unwrapOwn(optional.get());
            return inner == optional.get() ? optional : Optional.of(inner);
        }
        ContextClassLoaderProxy handler = handlerOf(argument);
        return handler != null && handler.loader == loader ? handler.target : argument;
    }

    /** The handler when {@code object} is one of these proxies; else null. */
    private static ContextClassLoaderProxy handlerOf(Object object) {
        return object instanceof Proxy proxy && Proxy.getInvocationHandler(proxy) instanceof ContextClassLoaderProxy handler
                ? handler : null;
    }

    private static void addSpiInterfaces(Class<?> type, Set<Class<?>> interfaces) {
        if (isSpiInterface(type)) {
            interfaces.add(type);
        }
        for (Class<?> parent : type.getInterfaces()) {
            addSpiInterfaces(parent, interfaces);
        }
    }

    private static boolean isSpiInterface(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(SPI_PACKAGE);
    }
}

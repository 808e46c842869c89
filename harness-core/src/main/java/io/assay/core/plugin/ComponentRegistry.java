package io.assay.core.plugin;

import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.AgentFactory;
import io.assay.spi.AuditProbe;
import io.assay.spi.Component;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.ResultSinkFactory;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Sweeper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every component the loaded plugins contribute, by kind and name. Immutable once built; names
 * are unique per kind, and a clash is a {@link DuplicateComponentException}. Built by the
 * {@link PluginLoader}.
 */
public final class ComponentRegistry {
    private final Map<Kind, Map<String, RegisteredComponent>> byKind = new EnumMap<>(Kind.class);
    private final List<RegisteredComponent> all;
    private final List<Path> pluginJars;

    /** Components from the class path alone: no plugin jar was loaded. */
    public ComponentRegistry(List<RegisteredComponent> components) {
        this(components, List.of());
    }

    /** @param pluginJars every jar the plugins in the plugin directories were loaded from */
    public ComponentRegistry(List<RegisteredComponent> components, List<Path> pluginJars) {
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        for (RegisteredComponent component : components) {
            RegisteredComponent clash = byKind.get(component.kind()).putIfAbsent(component.name(), component);
            if (clash != null) {
                throw new DuplicateComponentException(clash, component);
            }
        }
        this.all = List.copyOf(components);
        this.pluginJars = List.copyOf(pluginJars);
    }

    /** Every jar loaded from a plugin directory (the bundled plugins' and the user's), in load order. */
    public List<Path> pluginJars() {
        return pluginJars;
    }

    /** Every component, in discovery order. */
    public List<RegisteredComponent> all() {
        return all;
    }

    public AgentFactory agent(String name) {
        return (AgentFactory) require(Kind.AGENT, name);
    }

    public ResultSinkFactory resultSink(String name) {
        return (ResultSinkFactory) require(Kind.RESULT_SINK, name);
    }

    public List<SuiteLoader> suiteLoaders() {
        return components(Kind.SUITE_LOADER, SuiteLoader.class);
    }

    public List<AuditProbe> auditProbes() {
        return components(Kind.AUDIT_PROBE, AuditProbe.class);
    }

    public List<Sweeper> sweepers() {
        return components(Kind.SWEEPER, Sweeper.class);
    }

    /**
     * The component a spec's {@code type} names, such as {@code {type: exact}}; an unknown type is
     * an {@link InvalidOptionException} on that field listing the names that would work.
     */
    public Component forSpec(Kind kind, Options spec) {
        String type = spec.string("type");
        RegisteredComponent found = byKind.get(kind).get(type);
        if (found == null) {
            String noun = kind.label().replace('-', ' ');
            throw new InvalidOptionException(spec.field("type"), "unknown " + noun + " '" + type + "'; "
                    + UnknownComponentException.choices(noun, names(kind)));
        }
        return found.component();
    }

    /** The names registered for a kind, sorted, for error messages and help. */
    public List<String> names(Kind kind) {
        List<String> names = new ArrayList<>(byKind.get(kind).keySet());
        Collections.sort(names);
        return names;
    }

    private Component require(Kind kind, String name) {
        RegisteredComponent found = byKind.get(kind).get(name);
        if (found == null) {
            throw new UnknownComponentException(kind, name, names(kind));
        }
        return found.component();
    }

    private <T> List<T> components(Kind kind, Class<T> type) {
        return byKind.get(kind).values().stream().map(c -> type.cast(c.component())).toList();
    }
}

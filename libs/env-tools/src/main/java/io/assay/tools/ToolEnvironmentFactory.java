package io.assay.tools;

import io.assay.spi.Environment;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.Options;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers a {@link Domain} as an environment: {@code environment: {type: retail}}. Each trial
 * gets its own copy of the domain's state and a scripted user that speaks the task's prompt and
 * {@code user_turns}.
 *
 * <pre>{@code
 * public List<EnvironmentFactory> environments() {
 *     return List.of(new ToolEnvironmentFactory("retail", "a simulated online shop", RetailDomain::new));
 * }
 * }</pre>
 */
public final class ToolEnvironmentFactory implements EnvironmentFactory {
    private final String name;
    private final String description;
    private final DomainLoader domains;

    /** A domain that takes no options: {@code environment: {type: NAME}} and nothing else. */
    public ToolEnvironmentFactory(String name, String description, Supplier<Domain> domains) {
        this(name, description, options -> {
            options.allowOnly("type");
            return domains.get();
        });
    }

    /** A domain built from the suite's {@code environment} options . */
    public ToolEnvironmentFactory(String name, String description, DomainLoader domains) {
        this.name = name;
        this.description = description;
        this.domains = domains;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Environment create(Options options) {
        Domain domain = domains.load(options);
        Map<String, DomainTool> tools = new LinkedHashMap<>();
        for (DomainTool tool : domain.tools()) {
            if (tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalStateException("domain " + name + " has two tools named " + tool.spec().name());
            }
        }
        ScriptedUser user = new ScriptedUser();
        return (task, seed) -> new ToolSession(domain, tools, task, user);
    }
}

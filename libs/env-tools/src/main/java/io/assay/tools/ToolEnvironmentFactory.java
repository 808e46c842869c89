package io.assay.tools;

import io.assay.spi.Environment;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.Options;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Registers a {@link Domain} as an environment: {@code environment: {type: retail}}. Each trial
 * gets its own copy of the domain's state and a simulated user: the scripted user, which speaks
 * the task's prompt and {@code user_turns}, or, with the environment option {@code user_model:
 * PROVIDER/NAME}, a model playing the task's scenario. The user options ({@code user_model} and
 * the other shared model options with {@code user_} before them) are the factory's, in every
 * domain; the domain's loader gets the rest.
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
    private final Function<String, String> variables;

    /** A domain that takes no options: {@code environment: {type: NAME}} and nothing else. */
    public ToolEnvironmentFactory(String name, String description, Supplier<Domain> domains) {
        this(name, description, options -> {
            options.allowOnly("type");
            return domains.get();
        });
    }

    /** A domain built from the suite's {@code environment} options, without the user's. */
    public ToolEnvironmentFactory(String name, String description, DomainLoader domains) {
        this(name, description, domains, System::getenv);
    }

    /** Reads the user model's key from {@code variables} instead of the process environment, for tests. */
    ToolEnvironmentFactory(String name, String description, DomainLoader domains, Function<String, String> variables) {
        this.name = name;
        this.description = description;
        this.domains = domains;
        this.variables = variables;
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
        Domain domain = domains.load(UserOptions.domainOptions(options));
        Map<String, DomainTool> tools = new LinkedHashMap<>();
        for (DomainTool tool : domain.tools()) {
            if (tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalStateException("domain " + name + " has two tools named " + tool.spec().name());
            }
        }
        UserSide users = UserOptions.userSide(options, variables);
        return (task, seed) -> new ToolSession(domain, tools, task, users);
    }
}

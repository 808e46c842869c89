package io.assay.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestComponentRegistry {
    private final ComponentRegistry registry = new ComponentRegistry(List.of(
            agent("oracle"), agent("null")));

    @Test
    void anUnknownNameListsTheNamesThatWouldWork() {
        UnknownComponentException e = catchThrowableOfType(UnknownComponentException.class, () -> registry.agent("orcale"));

        assertThat(e).hasMessage("unknown agent 'orcale'; available: null, oracle");
        assertThat(e.hint()).startsWith("run `assay plugins` to list every component, or add a plugin with --plugin-dir");
    }

    @Test
    void anUnknownNameOfAKindNoPluginProvidesSaysSoInsteadOfAnEmptyList() {
        UnknownComponentException e = catchThrowableOfType(UnknownComponentException.class, () -> registry.resultSink("csv"));

        assertThat(e).hasMessage("unknown result-sink 'csv'; no result-sink is installed");
        assertThat(e.hint()).isEqualTo("add a plugin that provides one with --plugin-dir DIR, ASSAY_PLUGIN_PATH or"
                + " plugin_path in the config file (docs/writing-a-plugin.md)");
    }

    @Test
    void anUnknownSpecTypeOfAKindNoPluginProvidesSaysSo() {
        InvalidOptionException e = catchThrowableOfType(InvalidOptionException.class,
                () -> registry.forSpec(Kind.REWARD_CHECK, new Options("reward", Map.of("type", "exact"))));

        assertThat(e).hasMessage("reward.type: unknown reward check 'exact'; no reward check is installed");
    }

    private static RegisteredComponent agent(String name) {
        AgentFactory factory = new AgentFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Agent create(Options options) {
                throw new UnsupportedOperationException("never created in these tests");
            }
        };
        return new RegisteredComponent(Kind.AGENT, factory, "test", "1", "test.jar");
    }
}

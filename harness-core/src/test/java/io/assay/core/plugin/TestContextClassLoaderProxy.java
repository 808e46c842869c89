package io.assay.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.CommandResult;
import io.assay.spi.Environment;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Sandbox;
import io.assay.spi.Task;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestContextClassLoaderProxy {
    private static final Task TASK = new Task("t1", "2+2?", "4", "4", null, null);

    private final ClassLoader plugin = new URLClassLoader("plugin.jar", new URL[0], null);
    private final ClassLoader otherPlugin = new URLClassLoader("other.jar", new URL[0], null);
    private final List<ClassLoader> seen = new ArrayList<>();

    @Test
    void everyCallIncludingOnWhatTheComponentCreatesRunsUnderThePluginsLoader() throws Exception {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        AgentFactory factory = ContextClassLoaderProxy.wrap(new RecordingAgentFactory(), plugin);

        Agent agent = factory.create(Options.empty());
        AgentOutput output = agent.act(new AgentInput(TASK, 0, 1L, () -> { }));

        assertThat(output.answer()).isEqualTo("4");
        assertThat(factory.name()).isEqualTo("recording");
        assertThat(seen).containsExactly(plugin, plugin, plugin);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    @Test
    void aProductKeepsEverySpiInterfaceOfItsObject() throws Exception {
        Environment environment = ContextClassLoaderProxy.wrap((Environment) (task, seed) -> new SandboxSession(), plugin);

        EnvironmentSession session = environment.start(TASK, 1L);

        assertThat(Proxy.isProxyClass(session.getClass())).isTrue();
        assertThat(session).isInstanceOf(Sandbox.class).isInstanceOf(ReferenceSolution.class);
        assertThat(((ReferenceSolution) session).solve().answer()).isEqualTo("solved");
        assertThat(seen).containsExactly(plugin);
    }

    @Test
    void whatThePluginThrowsReachesTheCallerAsItIs() {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        IOException failure = new IOException("model endpoint refused the connection");
        Agent agent = ContextClassLoaderProxy.wrap((Agent) input -> {
            throw failure;
        }, plugin);

        assertThatThrownBy(() -> agent.act(new AgentInput(TASK, 0, 1L, () -> { }))).isSameAs(failure);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    @Test
    void aPluginHandedItsOwnObjectBackGetsTheObjectNotTheProxy() throws Exception {
        SandboxSession own = new SandboxSession();
        EnvironmentSession ownProxy = ContextClassLoaderProxy.wrap((EnvironmentSession) own, plugin);
        EnvironmentSession foreignProxy = ContextClassLoaderProxy.wrap((EnvironmentSession) own, otherPlugin);
        List<EnvironmentSession> received = new ArrayList<>();
        RewardCheck check = ContextClassLoaderProxy.wrap(new RewardCheck() {
            @Override
            public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
                received.add(environment.orElseThrow());
                return RewardResult.pass("end state");
            }
        }, plugin);

        check.check(TASK, AgentOutput.of("4"), Optional.of(ownProxy));
        check.check(TASK, AgentOutput.of("4"), Optional.of(foreignProxy));

        assertThat(received).containsExactly(own, foreignProxy);
    }

    @Test
    void aProxyIsNotWrappedAgainNorAnObjectWithoutSpiInterfaces() {
        Agent agent = ContextClassLoaderProxy.wrap((Agent) input -> AgentOutput.of(""), plugin);

        assertThat(ContextClassLoaderProxy.wrap(agent, otherPlugin)).isSameAs(agent);
        assertThat(ContextClassLoaderProxy.wrap("plain text", plugin)).isEqualTo("plain text");
    }

    private void recordContextLoader() {
        seen.add(Thread.currentThread().getContextClassLoader());
    }

    private final class RecordingAgentFactory implements AgentFactory {
        @Override
        public String name() {
            recordContextLoader();
            return "recording";
        }

        @Override
        public Agent create(Options options) {
            recordContextLoader();
            return input -> {
                recordContextLoader();
                return AgentOutput.of(String.valueOf(input.task().answer()));
            };
        }
    }

    private final class SandboxSession implements EnvironmentSession, Sandbox, ReferenceSolution {
        @Override
        public AgentOutput solve() {
            recordContextLoader();
            return AgentOutput.of("solved");
        }

        @Override
        public CommandResult run(String command, Duration timeout) {
            return new CommandResult(0, "", "", false, false);
        }

        @Override
        public void writeFile(String path, byte[] content) {
        }

        @Override
        public byte[] readFile(String path) {
            return new byte[0];
        }

        @Override
        public String workingDirectory() {
            return "/";
        }

        @Override
        public void close() {
        }
    }
}

package io.assay.cli;

import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.cli.config.PluginPath;
import io.assay.core.json.Json;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.plugin.PluginLoader;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled plugins as they ship: each from its own jar in the plugin folder beside the command
 * ({@code target/plugins} here), through a class loader of its own that sees the SPI but neither
 * another plugin's classes nor the core's, with that loader as the context class loader during
 * every call into the plugin.
 */
class TestBundledPlugins {
    private static final Task TASK = new Task("t1", "2+2?", "4", "4", null, null);

    @Test
    void assayPluginsShowsTheJarEachComponentCameFrom() throws Exception {
        CliResult result = run("plugins", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, String> jarByComponent = new HashMap<>();
        for (JsonNode row : Json.MAPPER.readTree(result.out())) {
            jarByComponent.put(row.path("kind").asText() + " " + row.path("name").asText(), row.path("source").asText());
        }
        assertThat(jarByComponent)
                .containsEntry("agent oracle", "agents-suite.jar")
                .containsEntry("reward-check exact", "reward-basic.jar")
                .containsEntry("environment docker", "env-docker.jar")
                .containsEntry("environment retail", "env-retail.jar")
                .containsEntry("reward-check judge", "judge.jar");
        assertThat(run("plugins").out()).containsPattern("agent +oracle +0\\.1\\.0 +agents-suite\\.jar ");
    }

    @Test
    void aPluginSeesTheSpiButNeitherAnotherPluginsClassesNorTheCores() throws Exception {
        ComponentRegistry registry = new PluginLoader().load(PluginPath.bundled());
        ClassLoader agents = contextLoaderOfOracle(registry);
        ClassLoader checks = contextLoaderOfAllCheck(registry);

        assertThat(agents.getName()).isEqualTo("agents-suite.jar");
        assertThat(checks.getName()).isEqualTo("reward-basic.jar");
        assertThat(checks.loadClass("io.assay.checks.ExactCheck").getClassLoader()).isSameAs(checks);
        assertThatThrownBy(() -> agents.loadClass("io.assay.checks.ExactCheck"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> checks.loadClass("io.assay.agents.OracleAgentFactory"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> agents.loadClass(PluginLoader.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> agents.loadClass(AssayCommand.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(agents.loadClass(Task.class.getName())).isSameAs(Task.class);
        assertThat(checks.loadClass(ObjectMapper.class.getName()))
                .as("the plugin's own Jackson, shaded into its jar").isNotSameAs(ObjectMapper.class);
        assertThat(agents.loadClass("io.assay.agents.internal.jackson.databind.ObjectMapper").getClassLoader())
                .as("the agents plugin's own Jackson, shaded and renamed for the start-up cache").isSameAs(agents);
        assertThatThrownBy(() -> agents.loadClass(ObjectMapper.class.getName()))
                .as("nor does it see the host's").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theCallersContextClassLoaderIsBackAfterAPluginCall() throws Exception {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();

        ClassLoader during = contextLoaderOfOracle(new PluginLoader().load(PluginPath.bundled()));

        assertThat(during).isNotSameAs(caller);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    /** The oracle asks the environment to solve the task; the session records the loader it is asked under. */
    private static ClassLoader contextLoaderOfOracle(ComponentRegistry registry) throws Exception {
        RecordingSession session = new RecordingSession();
        AgentOutput output = registry.agent("oracle").create(Options.empty()).act(new AgentInput(TASK, 0, 1L, session));
        assertThat(output.answer()).isEqualTo("4");
        return session.contextLoader;
    }

    /** {@code all} creates its nested checks through the context, which records the loader it is asked under. */
    private static ClassLoader contextLoaderOfAllCheck(ComponentRegistry registry) {
        ClassLoader[] during = new ClassLoader[1];
        RewardCheckFactory.Context nested = new RewardCheckFactory.Context() {
            @Override
            public RewardCheck create(Options spec) {
                during[0] = Thread.currentThread().getContextClassLoader();
                return checkFactory(registry, spec).create(spec, this);
            }
        };
        Options all = Options.of(Map.of("type", "all", "checks", List.of(Map.of("type", "exact"))));
        checkFactory(registry, all).create(all, nested);
        return during[0];
    }

    private static RewardCheckFactory checkFactory(ComponentRegistry registry, Options spec) {
        return (RewardCheckFactory) registry.forSpec(Kind.REWARD_CHECK, spec);
    }

    private static final class RecordingSession implements EnvironmentSession, ReferenceSolution {
        private ClassLoader contextLoader;

        @Override
        public AgentOutput solve() {
            contextLoader = Thread.currentThread().getContextClassLoader();
            return AgentOutput.of("4");
        }

        @Override
        public void close() {
        }
    }
}

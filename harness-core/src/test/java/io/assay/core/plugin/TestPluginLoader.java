package io.assay.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.launcher.InputException;
import io.assay.core.plugin.RegisteredComponent.Kind;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginLoader {
    /** Sees no built-ins, so only the plugin directories under test contribute. */
    private static final PluginLoader WITHOUT_BUILT_INS = new PluginLoader(ClassLoader.getPlatformClassLoader());

    private static final String THREE_KINDS_PLUGIN = """
            package com.a;

            import io.assay.spi.*;
            import java.util.List;

            public final class ThreeKindsPlugin implements AssayPlugin {
                public List<AgentFactory> agents() {
                    return List.of(new AgentFactory() {
                        public String name() { return "echo"; }
                        public Agent create(Options options) { return input -> AgentOutput.of(input.task().prompt()); }
                    });
                }

                public List<RewardCheckFactory> rewardChecks() {
                    return List.of(new RewardCheckFactory() {
                        public String name() { return "always"; }
                        public RewardCheck create(Options options, Context context) {
                            return (task, output, environment) -> RewardResult.pass("always");
                        }
                    });
                }

                public List<ResultSinkFactory> resultSinks() {
                    return List.of(new ResultSinkFactory() {
                        public String name() { return "discard"; }
                        public ResultSink open(Options options, RunInfo run) { return record -> { }; }
                    });
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void registersEveryComponentOfAJarPluginWithItsPluginVersionAndJar() throws Exception {
        TestingPluginJars.jar(dir.resolve("three-kinds.jar"))
                .source("com.a.ThreeKindsPlugin", THREE_KINDS_PLUGIN)
                .service("com.a.ThreeKindsPlugin")
                .version("2.5.0")
                .write();

        ComponentRegistry registry = WITHOUT_BUILT_INS.load(List.of(dir));

        assertThat(registry.all())
                .extracting(RegisteredComponent::kind, RegisteredComponent::name, RegisteredComponent::plugin,
                        RegisteredComponent::version, RegisteredComponent::source)
                .containsExactly(
                        tuple(Kind.AGENT, "echo", "com.a.ThreeKindsPlugin", "2.5.0", "three-kinds.jar"),
                        tuple(Kind.REWARD_CHECK, "always", "com.a.ThreeKindsPlugin", "2.5.0", "three-kinds.jar"),
                        tuple(Kind.RESULT_SINK, "discard", "com.a.ThreeKindsPlugin", "2.5.0", "three-kinds.jar"));
        assertThat(registry.agent("echo").create(Options.empty()).act(input("hello")).answer()).isEqualTo("hello");
    }

    @Test
    void versionIsUnknownWithoutImplementationVersion() throws Exception {
        writeAgentPlugin(dir.resolve("plain.jar"), "com.a.PlainPlugin", "plain");

        assertThat(WITHOUT_BUILT_INS.load(List.of(dir)).all())
                .singleElement().extracting(RegisteredComponent::version).isEqualTo("unknown");
    }

    @Test
    void builtInsOnTheClassPathAreRegisteredWithTheirCodeSource() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("assay.jar"))
                .source("com.builtin.BuiltInPlugin",
                        TestingPluginJars.agentPlugin("com.builtin.BuiltInPlugin", "built-in"))
                .service("com.builtin.BuiltInPlugin")
                .version("0.1.0")
                .write();

        try (URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                TestPluginLoader.class.getClassLoader())) {
            ComponentRegistry registry = new PluginLoader(classPath).load(List.of());

            assertThat(registry.all()).filteredOn(c -> c.plugin().equals("com.builtin.BuiltInPlugin"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.name()).isEqualTo("built-in"))
                    .satisfies(c -> assertThat(c.source()).isEqualTo("assay.jar"))
                    .satisfies(c -> assertThat(c.version()).isEqualTo("0.1.0"));
        }
    }

    @Test
    void pluginUsesItsOwnCopyOfAClassTheHostAlsoHas() throws Exception {
        TestingPluginJars.jar(dir.resolve("own-json.jar"))
                .source("io.assay.core.json.Json", """
                        package io.assay.core.json;
                        public final class Json {
                            public static String origin() { return "the plugin's own Json"; }
                        }
                        """)
                .source("com.a.OwnJsonPlugin", """
                        package com.a;

                        import io.assay.spi.*;
                        import java.util.List;

                        public final class OwnJsonPlugin implements AssayPlugin {
                            public List<AgentFactory> agents() {
                                return List.of(new AgentFactory() {
                                    public String name() { return "own-json"; }
                                    public Agent create(Options options) {
                                        return input -> AgentOutput.of(io.assay.core.json.Json.origin());
                                    }
                                });
                            }
                        }
                        """)
                .service("com.a.OwnJsonPlugin")
                .write();

        ComponentRegistry registry = WITHOUT_BUILT_INS.load(List.of(dir));

        assertThat(registry.agent("own-json").create(Options.empty()).act(input("q")).answer())
                .isEqualTo("the plugin's own Json");
    }

    @Test
    void aJarPluginIsMadeAndCalledWithItsOwnClassLoaderAsTheContextClassLoader() throws Exception {
        TestingPluginJars.jar(dir.resolve("context.jar"))
                .source("com.a.ContextPlugin", """
                        package com.a;

                        import io.assay.spi.*;
                        import java.util.List;

                        public final class ContextPlugin implements AssayPlugin {
                            private final ClassLoader atConstruction = Thread.currentThread().getContextClassLoader();

                            public List<AgentFactory> agents() {
                                return List.of(new AgentFactory() {
                                    public String name() { return "context"; }
                                    public Agent create(Options options) {
                                        return input -> AgentOutput.of(atConstruction.getName() + " "
                                                + Thread.currentThread().getContextClassLoader().getName());
                                    }
                                });
                            }
                        }
                        """)
                .service("com.a.ContextPlugin")
                .write();
        ClassLoader caller = Thread.currentThread().getContextClassLoader();

        Agent agent = WITHOUT_BUILT_INS.load(List.of(dir)).agent("context").create(Options.empty());

        assertThat(agent.act(input("q")).answer()).isEqualTo("context.jar context.jar");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    @Test
    void duplicateNamesAcrossJarsNameBothPluginsAndJars() throws Exception {
        writeAgentPlugin(dir.resolve("first.jar"), "com.a.FirstPlugin", "echo");
        writeAgentPlugin(dir.resolve("second.jar"), "com.b.SecondPlugin", "echo");

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(dir)))
                .isInstanceOf(DuplicateComponentException.class)
                .hasMessage("agent 'echo' is registered twice: by com.a.FirstPlugin in first.jar"
                        + " and by com.b.SecondPlugin in second.jar");
    }

    @Test
    void servicesEntryNamingAMissingClassIsAnInputErrorNamingTheJar() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("broken.jar")).service("com.missing.GonePlugin").write();

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(dir)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cannot load a plugin from " + jar)
                .hasMessageContaining("com.missing.GonePlugin not found");
    }

    @Test
    void pluginConstructorFailureIsAnInputErrorWithTheCause() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("throws.jar"))
                .source("com.a.ThrowingPlugin", """
                        package com.a;
                        public final class ThrowingPlugin implements io.assay.spi.AssayPlugin {
                            public ThrowingPlugin() { throw new IllegalStateException("config file missing"); }
                        }
                        """)
                .service("com.a.ThrowingPlugin")
                .write();

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(dir)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cannot load a plugin from " + jar)
                .hasMessageContaining("com.a.ThrowingPlugin could not be instantiated")
                .hasMessageContaining("config file missing");
    }

    @Test
    void subDirectoryIsOnePluginWithAllItsJars() throws Exception {
        Path pluginDir = dir.resolve("greeter");
        Path library = TestingPluginJars.jar(pluginDir.resolve("greeting-lib.jar"))
                .source("com.lib.Greeting", """
                        package com.lib;
                        public final class Greeting {
                            public static String text() { return "hi"; }
                        }
                        """)
                .write();
        TestingPluginJars.jar(pluginDir.resolve("greeter-plugin.jar"))
                .source("com.g.GreeterPlugin", """
                        package com.g;

                        import io.assay.spi.*;
                        import java.util.List;

                        public final class GreeterPlugin implements AssayPlugin {
                            public List<AgentFactory> agents() {
                                return List.of(new AgentFactory() {
                                    public String name() { return "greeter"; }
                                    public Agent create(Options options) {
                                        return input -> AgentOutput.of(com.lib.Greeting.text());
                                    }
                                });
                            }
                        }
                        """)
                .classpath(library)
                .service("com.g.GreeterPlugin")
                .write();

        ComponentRegistry registry = WITHOUT_BUILT_INS.load(List.of(dir));

        assertThat(registry.all()).singleElement().extracting(RegisteredComponent::source)
                .isEqualTo("greeter-plugin.jar");
        assertThat(registry.agent("greeter").create(Options.empty()).act(input("q")).answer()).isEqualTo("hi");
    }

    @Test
    void pluginJarWithoutItsLibraryIsAnInputErrorNamingTheJar() throws Exception {
        Path library = TestingPluginJars.jar(dir.resolve("lib-only").resolve("lib.jar"))
                .source("com.lib.Names", """
                        package com.lib;
                        public final class Names {
                            public static String agent() { return "x"; }
                        }
                        """)
                .write();
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        TestingPluginJars.jar(plugins.resolve("needs-lib.jar"))
                .source("com.n.NeedsLibPlugin", """
                        package com.n;

                        import io.assay.spi.*;
                        import java.util.List;

                        public final class NeedsLibPlugin implements AssayPlugin {
                            public List<AgentFactory> agents() {
                                String name = com.lib.Names.agent();
                                return List.of(new AgentFactory() {
                                    public String name() { return name; }
                                    public Agent create(Options options) { return input -> AgentOutput.of(""); }
                                });
                            }
                        }
                        """)
                .classpath(library)
                .service("com.n.NeedsLibPlugin")
                .write();

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(plugins)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("needs-lib.jar")
                .hasMessageContaining("com/lib/Names");
    }

    @Test
    void invalidComponentNameNamesThePluginAndJar() throws Exception {
        writeAgentPlugin(dir.resolve("shouty.jar"), "com.a.ShoutyPlugin", "Echo!");

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(dir)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("agent name 'Echo!' of plugin com.a.ShoutyPlugin in shouty.jar is invalid");
    }

    @Test
    void jarWithoutAPluginIsAnInputError() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("library.jar"))
                .source("com.lib.Util", "package com.lib; public final class Util { }")
                .write();

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(dir)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("no plugin in " + jar
                        + ": it has no META-INF/services/io.assay.spi.AssayPlugin");
    }

    @Test
    void missingOrNonDirectoryPluginDirIsAnInputError() throws Exception {
        Path missing = dir.resolve("nope");
        Path file = Files.writeString(dir.resolve("file.txt"), "");

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(missing)))
                .isInstanceOf(InputException.class)
                .hasMessage("plugin directory " + missing + " does not exist");
        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(file)))
                .isInstanceOf(InputException.class)
                .hasMessage("plugin directory " + file + " is not a directory");
    }

    @Test
    void directoryWithoutAnyJarIsAnInputError() throws Exception {
        Files.createDirectories(dir.resolve("classes/com/a"));

        assertThatThrownBy(() -> WITHOUT_BUILT_INS.load(List.of(dir)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("plugin directory " + dir + " holds no plugin");
    }

    @Test
    void buildOutputFolderWorksAsPluginDirectory() throws Exception {
        // Like a Maven target folder: the plugin jar beside folders of classes and reports.
        Files.createDirectories(dir.resolve("classes/com/a"));
        Files.createDirectories(dir.resolve("surefire-reports"));
        writeAgentPlugin(dir.resolve("example-0.1.0.jar"), "com.a.ExamplePlugin", "example");

        assertThat(WITHOUT_BUILT_INS.load(List.of(dir)).all()).extracting(RegisteredComponent::name)
                .containsExactly("example");
    }

    @Test
    void pluginsRegisterInDirectoryThenNameOrder() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        writeAgentPlugin(first.resolve("zeta.jar"), "com.z.ZetaPlugin", "zeta");
        writeAgentPlugin(first.resolve("alpha.jar"), "com.a.AlphaPlugin", "alpha");
        writeAgentPlugin(second.resolve("beta.jar"), "com.b.BetaPlugin", "beta");

        assertThat(WITHOUT_BUILT_INS.load(List.of(second, first)).all()).extracting(RegisteredComponent::name)
                .containsExactly("beta", "alpha", "zeta");
    }

    private static void writeAgentPlugin(Path jar, String pluginClass, String agentName) throws Exception {
        TestingPluginJars.jar(jar)
                .source(pluginClass, TestingPluginJars.agentPlugin(pluginClass, agentName))
                .service(pluginClass)
                .write();
    }

    private static AgentInput input(String prompt) {
        return new AgentInput(new Task("t1", prompt, null, null, null, null), 0, 1L, () -> { });
    }
}

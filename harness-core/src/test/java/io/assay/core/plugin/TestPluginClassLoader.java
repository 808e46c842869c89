package io.assay.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.spi.AssayPlugin;
import io.assay.spi.Task;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginClassLoader {
    private static final String OWN_OBJECT_MAPPER = """
            package com.fasterxml.jackson.databind;
            public class ObjectMapper {
                public static String origin() { return "plugin"; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void pluginsOwnCopyOfAHostLibraryWinsOverTheHosts() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("own-jackson.jar"))
                .source("com.fasterxml.jackson.databind.ObjectMapper", OWN_OBJECT_MAPPER)
                .write();

        try (PluginClassLoader loader = loader(jar)) {
            Class<?> mapper = loader.loadClass(ObjectMapper.class.getName());

            assertThat(mapper).isNotSameAs(ObjectMapper.class);
            assertThat(mapper.getClassLoader()).isSameAs(loader);
            assertThat(mapper.getMethod("origin").invoke(null)).isEqualTo("plugin");
        }
    }

    @Test
    void hostClassesAndResourcesOutsideTheSpiAreInvisible() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("empty.jar")).write();

        try (PluginClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> loader.loadClass(ObjectMapper.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass(PluginLoader.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(loader.getResource("io/assay/core/plugin/PluginLoader.class")).isNull();
        }
    }

    @Test
    void spiTypesAreTheHostsSoPluginsImplementTheSameInterface() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("echo.jar"))
                .source("com.a.EchoPlugin", TestingPluginJars.agentPlugin("com.a.EchoPlugin", "echo"))
                .write();

        try (PluginClassLoader loader = loader(jar)) {
            Class<?> plugin = loader.loadClass("com.a.EchoPlugin");

            assertThat(loader.loadClass(AssayPlugin.class.getName())).isSameAs(AssayPlugin.class);
            assertThat(plugin.getInterfaces()).containsExactly(AssayPlugin.class);
            assertThat(plugin.getConstructor().newInstance()).isInstanceOf(AssayPlugin.class);
        }
    }

    @Test
    void spiClassesBundledInThePluginJarAreIgnored() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("bundles-spi.jar"))
                .source("io.assay.spi.Task", "package io.assay.spi; public final class Task { }")
                .write();

        try (PluginClassLoader loader = loader(jar)) {
            assertThat(loader.loadClass(Task.class.getName())).isSameAs(Task.class);
            URL hostCopy = Task.class.getClassLoader().getResource("io/assay/spi/Task.class");
            assertThat(loader.getResource("io/assay/spi/Task.class")).isEqualTo(hostCopy);
            assertThat(Collections.list(loader.getResources("io/assay/spi/Task.class"))).containsExactly(hostCopy);
        }
    }

    @Test
    void subPackagesOfTheSpiAreNotShared() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("spi-sub-package.jar"))
                .source("io.assay.spi.extra.Helper", "package io.assay.spi.extra; public final class Helper { }")
                .write();

        try (PluginClassLoader loader = loader(jar)) {
            assertThat(loader.loadClass("io.assay.spi.extra.Helper").getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void jdkClassesComeFromThePlatform() throws Exception {
        Path jar = TestingPluginJars.jar(dir.resolve("empty.jar")).write();

        try (PluginClassLoader loader = loader(jar)) {
            assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
            assertThat(loader.loadClass("java.sql.Connection")).isSameAs(java.sql.Connection.class);
        }
    }

    private static PluginClassLoader loader(Path jar) throws IOException {
        return new PluginClassLoader(jar.getFileName().toString(), List.of(jar.toUri().toURL()),
                AssayPlugin.class.getClassLoader());
    }
}

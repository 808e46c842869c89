package io.assay.cli;

import static io.assay.cli.CliResult.TEST_PLUGINS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin directories set up once, in ASSAY_PLUGIN_PATH or the config file, reach every command
 * without --plugin-dir. Runs `assay` as a process, since the environment is what is under test.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TestConfiguredPluginPath {

    @TempDir
    Path temp;

    @Test
    void pluginsComeFromTheVariableOrElseTheConfigFile() throws Exception {
        String plugins = TEST_PLUGINS.toAbsolutePath().toString();
        Path configHome = temp.resolve("config");

        String fromVariable = assay(Map.of("ASSAY_PLUGIN_PATH", plugins, "XDG_CONFIG_HOME", configHome.toString()));
        Files.createDirectories(configHome.resolve("assay"));
        Files.writeString(configHome.resolve("assay/config.toml"), "plugin_path = [\"" + plugins + "\"]\n");
        String fromConfig = assay(Map.of("XDG_CONFIG_HOME", configHome.toString()));

        assertThat(fromVariable).contains("reward-check  similarity");
        assertThat(fromConfig).contains("reward-check  similarity");
    }

    /** {@code assay plugins} in a process whose environment has {@code variables} and no other Assay settings. */
    private String assay(Map<String, String> variables) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AssayCommand.class.getName(), "plugins").redirectErrorStream(true);
        builder.environment().remove("ASSAY_PLUGIN_PATH");
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

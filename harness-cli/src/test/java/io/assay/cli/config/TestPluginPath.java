package io.assay.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assay.launcher.InputException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginPath {

    @TempDir
    Path temp;

    private Path home;
    private Path a;
    private Path b;
    private Path c;

    @BeforeEach
    void directories() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        a = Files.createDirectories(temp.resolve("a"));
        b = Files.createDirectories(temp.resolve("b"));
        c = Files.createDirectories(home.resolve("plugins"));
    }

    @Test
    void withNothingSetThereAreNoPluginDirectories() {
        assertThat(PluginPath.resolve(List.of(), Map.of("HOME", home.toString()))).isEmpty();
    }

    @Test
    void flagsWinOverTheVariableAndTheConfigFile() throws Exception {
        config(home.resolve(".config"), "plugin_path = [\"~/plugins\"]\n");

        assertThat(PluginPath.resolve(List.of(a), Map.of("HOME", home.toString(), PluginPath.VARIABLE, b.toString())))
                .containsExactly(a);
    }

    @Test
    void theVariableListsDirectoriesBySeparatorAndWinsOverTheConfigFile() throws Exception {
        config(home.resolve(".config"), "plugin_path = [\"~/plugins\"]\n");
        String variable = a + File.pathSeparator + File.pathSeparator + b + File.pathSeparator;

        assertThat(PluginPath.resolve(List.of(), Map.of("HOME", home.toString(), PluginPath.VARIABLE, variable)))
                .containsExactly(a, b);
    }

    @Test
    void anEmptyVariableFallsThroughToTheConfigFile() throws Exception {
        config(home.resolve(".config"), "plugin_path = [\"~/plugins\"]\n");

        assertThat(PluginPath.resolve(List.of(), Map.of("HOME", home.toString(), PluginPath.VARIABLE, "")))
                .containsExactly(c);
    }

    @Test
    void theConfigFileIsUnderXdgConfigHomeWhenItIsSet() throws Exception {
        Path xdg = temp.resolve("xdg");
        config(xdg, "# plugins for every command\nplugin_path = [\"~/plugins\", \"../../a\", \"" + b + "\"]\n");
        config(home.resolve(".config"), "plugin_path = [\"not-read\"]\n");

        assertThat(PluginPath.resolve(List.of(), Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString())))
                .containsExactly(c, a, b);
    }

    @Test
    void aDirectoryTheVariableListsThatDoesNotExistIsAnError() {
        InputException e = catchThrowableOfType(InputException.class, () -> PluginPath.resolve(List.of(),
                Map.of("HOME", home.toString(), PluginPath.VARIABLE, a + File.pathSeparator + temp.resolve("gone"))));

        assertThat(e).hasMessage("ASSAY_PLUGIN_PATH lists " + temp.resolve("gone") + ", which does not exist");
    }

    @Test
    void aBadConfigFileIsAnErrorNamingFileLineAndKey() throws Exception {
        Path file = config(home.resolve(".config"), "# Assay\n\nplugin_dirs = [\"~/plugins\"]\n");
        assertThat(error()).hasMessage(file + ":3: plugin_dirs: unknown setting; the config file knows only plugin_path");

        config(home.resolve(".config"), "\nplugin_path = \"~/plugins\"\n");
        assertThat(error()).hasMessage(file + ":2: plugin_path: expected a list of directories such as"
                + " plugin_path = [\"~/assay-plugins\"], got the string \"~/plugins\"");

        config(home.resolve(".config"), "plugin_path = [\"~/plugins\",\n  \"~/missing\"]\n");
        assertThat(error()).hasMessage(file + ":1: plugin_path: " + home.resolve("missing") + " does not exist");

        config(home.resolve(".config"), "plugin_path = [\"~/plugins\"\n\n[other\n");
        assertThat(error().getMessage()).startsWith(file + ":").contains(": invalid TOML: ");
        assertThat(error().hint()).contains("docs/getting-started.md");
    }

    private InputException error() {
        return catchThrowableOfType(InputException.class,
                () -> PluginPath.resolve(List.of(), Map.of("HOME", home.toString())));
    }

    private static Path config(Path configHome, String text) throws Exception {
        Path file = Files.createDirectories(configHome.resolve("assay")).resolve("config.toml");
        return Files.writeString(file, text);
    }
}

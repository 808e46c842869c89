package io.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.launcher.InstalledComponent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assay plugins}: every discovered component, with its kind, version and source jar. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists the components of every loaded plugin.",
                "Shows each component's kind, name, version, source jar and description: the core's own, the bundled"
                        + " plugins' (one jar each in plugins/ beside assay.jar) and those in the plugin directories"
                        + " (--plugin-dir, ASSAY_PLUGIN_PATH or plugin_path in the config file; docs/writing-a-plugin.md)."},
        footer = {"", "Examples:",
                "  assay plugins",
                "  assay plugins --plugin-dir plugins/example-similarity/target",
                "  assay plugins --format json"})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    ReportCommand.Format format;

    @Override
    public Integer call() throws Exception {
        List<InstalledComponent> components = shared.open().components();
        PrintWriter out = spec.commandLine().getOut();
        if (format == ReportCommand.Format.JSON) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (InstalledComponent c : components) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("kind", c.kind());
                row.put("name", c.name());
                row.put("version", c.version());
                row.put("source", c.source());
                row.put("plugin", c.plugin());
                row.put("description", c.description());
                rows.add(row);
            }
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("KIND", "NAME", "VERSION", "SOURCE", "DESCRIPTION"));
            for (InstalledComponent c : components) {
                rows.add(List.of(c.kind(), c.name(), c.version(), shortSource(c.source()), c.description()));
            }
            printColumns(rows, out);
        }
        out.flush();
        return 0;
    }

    /** Each column as wide as its longest cell (a plugin's names can be any length), two spaces apart. */
    private static void printColumns(List<List<String>> rows, PrintWriter out) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns - 1; i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
            out.println(line.append(row.getLast()));
        }
    }

    /** The jar's file name is what tells plugins apart; the full path is in --format json. */
    private static String shortSource(String source) {
        Path fileName = Path.of(source).getFileName();
        return fileName == null ? source : fileName.toString();
    }
}

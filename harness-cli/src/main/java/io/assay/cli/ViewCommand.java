package io.assay.cli;

import io.assay.view.ViewServer;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay view}: a local web viewer over run directories and audit reports. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Opens a local web viewer over runs and audit reports.",
                "Lists the runs and audit reports (JSON from `assay audit --format json`) in the folders given,"
                        + " two levels down, and shows each run's score, tasks and transcripts, each audit's report card,"
                        + " and two runs side by side. Runs in progress update live. It needs no network: the pages and"
                        + " their charts come from the jar. See docs/viewer.md."},
        footer = {"", "Examples:",
                "  assay view",
                "  assay view runs audits --port 8080",
                "  assay view runs/arithmetic-oracle-20261122-101500 --no-open",
                "",
                "Stop it with Ctrl-C."})
final class ViewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Folders of runs and audit reports, or single runs (default: runs).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port to listen on (default: a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Anyone who can reach"
                    + " another address can read every run shown.")
    String host;

    @Option(names = "--no-open", description = "Do not open a browser, only print the address.")
    boolean noOpen;

    @Override
    public Integer call() throws Exception {
        List<Path> shown = folders.isEmpty() ? List.of(Path.of("runs")) : folders;
        try (ViewServer viewer = ViewServer.start(shown, host, port)) {
            var out = spec.commandLine().getOut();
            out.println("Assay viewer on " + viewer.uri() + " (" + viewer.contents() + "); Ctrl-C to stop");
            out.flush();
            if (!noOpen) {
                openBrowser(viewer.uri());
            }
            Thread.currentThread().join();
        }
        return 0;
    }

    /** Opens the default browser when there is a desktop to open it on; on a server the address printed is enough. */
    private static void openBrowser(URI uri) {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            return;
        }
        try {
            Desktop.getDesktop().browse(uri);
        } catch (Exception e) {
            // no browser to open: the address is printed above
        }
    }
}

package io.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay gc}: removes sandbox containers that runs killed before they could clean up. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Removes the sandbox containers that stopped runs left behind.",
                "Removes every container labelled assay.managed=true whose owning assay process is no longer running"
                        + " (a killed JVM, a crashed machine). Containers of runs still in progress are kept. Each run also"
                        + " sweeps at start-up."},
        footer = {"", "Examples:", "  assay gc"})
final class GcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() throws Exception {
        int removed = shared.open().sweep();
        spec.commandLine().getOut().println("removed " + removed + " container" + (removed == 1 ? "" : "s")
                + " left behind by assay runs that are no longer running");
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package io.assay.cli.progress;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether stderr is a terminal, so a redrawn bar makes sense there. */
final class Terminal {

    private Terminal() {
    }

    /**
     * The {@code ./assay} launcher knows for sure ({@code [ -t 2 ]}) and passes
     * {@code -Dassay.stderr.tty}; without it, fall back to the JVM's console, which on JDK 22+
     * exists even when redirected and must be asked {@code isTerminal()}.
     */
    static boolean stderrIsInteractive() {
        String fromLauncher = System.getProperty("assay.stderr.tty");
        if (fromLauncher != null) {
            return Boolean.parseBoolean(fromLauncher);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true; // Before JDK 22 a console exists only on a terminal.
        }
    }
}

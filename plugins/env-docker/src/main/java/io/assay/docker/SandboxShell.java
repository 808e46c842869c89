package io.assay.docker;

import io.assay.spi.CommandResult;
import io.assay.spi.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands the sandbox probes run in a task's container, written for the POSIX tools every image
 * has (busybox included). A listing of a whole file system too long for the sandbox's output
 * limit is read back from a scratch file instead; the scratch directory is left out of every
 * listing, so the probes' own files never look like the task's.
 */
final class SandboxShell {
    /** Where the probes keep their files in the container; never listed, searched or fingerprinted. */
    static final String SCRATCH = "/tmp/.assay-probe";
    /** Files Docker writes for each container, which differ between any two. */
    static final Set<String> PER_CONTAINER = Set.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf");
    /** What {@link #stateOf} says of a path that no longer exists. */
    static final String DELETED = "(deleted)";
    /** Long enough for a full listing of a large image on a slow disk. */
    static final Duration PROBE_COMMAND = Duration.ofMinutes(2);
    /** Directories that are not the image's files: kernel views and the probes' scratch. */
    private static final String PRUNED = "\\( -path /proc -o -path /sys -o -path /dev -o -path " + SCRATCH + " \\) -prune -o";

    private final Sandbox sandbox;

    SandboxShell(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * Runs {@code script}, a read-only listing, and returns its standard output; fails when it
     * exits non-zero or times out. When the output is past the sandbox's limit the script runs
     * again into a scratch file, which is read back whole.
     */
    String output(String script, Duration timeout) throws InterruptedException {
        CommandResult result = checked(script, sandbox.run(script, timeout));
        if (!result.truncated()) {
            return result.stdout();
        }
        String out = SCRATCH + "/out";
        checked(script, sandbox.run("mkdir -p " + SCRATCH + " && { " + script + "\n} > " + out, timeout));
        return new String(sandbox.readFile(out), StandardCharsets.UTF_8);
    }

    private static CommandResult checked(String script, CommandResult result) {
        if (result.timedOut() || result.exitCode() != 0) {
            throw new IllegalStateException("probe command " + (result.timedOut() ? "timed out" : "exited with "
                    + result.exitCode()) + ": " + abbreviate(script) + "; stderr: " + abbreviate(result.stderr()));
        }
        return result;
    }

    /** Runs {@code script} for its effect, whatever its exit code. */
    CommandResult run(String script, Duration timeout) throws InterruptedException {
        return sandbox.run(script, timeout);
    }

    void writeFile(String path, String content) {
        sandbox.writeFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    void writeFile(String path, byte[] content) {
        sandbox.writeFile(path, content);
    }

    byte[] readFile(String path) {
        return sandbox.readFile(path);
    }

    String workingDirectory() {
        return sandbox.workingDirectory();
    }

    /** A {@code find} over the whole file system but the pruned directories, applying {@code expression}. */
    static String findAll(String expression) {
        return "find / " + PRUNED + " " + expression;
    }

    /** Content of every file outside the pruned directories: path to sha256 (or {@code -> target} for a symbolic link). */
    Map<String, String> contentHashes() throws InterruptedException {
        Map<String, String> hashes = new LinkedHashMap<>(parseHashes(output(
                findAll("-type f -exec sha256sum {} +"), PROBE_COMMAND)));
        hashes.putAll(links(findAll("-type l -print")));
        return hashes;
    }

    /**
     * Cheap identity of every file and directory outside the pruned directories (type, mode,
     * size, modification and change times to the nanosecond), to tell which paths a command
     * created, changed or deleted.
     */
    Map<String, Signature> signatures() throws InterruptedException {
        Map<String, Signature> signatures = new LinkedHashMap<>();
        for (String line : output(findAll("-exec stat -c '%F|%a|%s|%y|%z|%n' {} +"), PROBE_COMMAND).split("\n")) {
            String[] fields = line.split("\\|", 6);
            if (fields.length == 6) {
                signatures.put(fields[5], new Signature(fields[0].equals("directory"), fields[1],
                        Long.parseLong(fields[2]), fields[3] + "|" + fields[4]));
            }
        }
        return signatures;
    }

    /**
     * Paths created, deleted or modified between two {@link #signatures()}; a directory only
     * counts when created, deleted or given another mode, since adding or removing its entries
     * shows in the entries.
     */
    static Set<String> changedPaths(Map<String, Signature> before, Map<String, Signature> after) {
        Set<String> changed = new LinkedHashSet<>();
        after.forEach((path, signature) -> {
            Signature old = before.get(path);
            boolean same = old != null && (signature.directory() && old.directory()
                    ? signature.mode().equals(old.mode()) : signature.equals(old));
            if (!same && !PER_CONTAINER.contains(path)) {
                changed.add(path);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(changed::add);
        return changed;
    }

    /**
     * A path's identity for {@link #signatures()}.
     *
     * @param directory whether it is a directory
     * @param mode its permission bits, octal
     * @param size its size in bytes
     * @param times its modification and change times
     */
    record Signature(boolean directory, String mode, long size, String times) {
    }

    /**
     * The state of each path now: {@code SHA256 MODE} for a regular file, {@code dir MODE},
     * {@code -> TARGET} for a link, or {@link #DELETED}.
     */
    Map<String, String> stateOf(Collection<String> paths) throws InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        paths.forEach(path -> states.put(path, DELETED));
        if (paths.isEmpty()) {
            return states;
        }
        String script = "for f in " + quoteAll(paths) + "; do "
                + "if [ -L \"$f\" ]; then printf '%s|%s\\n' \"-> $(readlink \"$f\")\" \"$f\"; "
                + "elif [ -d \"$f\" ]; then printf '%s|%s\\n' \"dir $(stat -c %a \"$f\")\" \"$f\"; "
                + "elif [ -f \"$f\" ]; then printf '%s|%s\\n' \"$(sha256sum < \"$f\" | cut -d' ' -f1) $(stat -c %a \"$f\")\" \"$f\"; "
                + "fi; done";
        for (String line : output(script, PROBE_COMMAND).split("\n")) {
            int bar = line.indexOf('|');
            if (bar >= 0) {
                states.put(line.substring(bar + 1), line.substring(0, bar));
            }
        }
        return states;
    }

    /** Whether a state from {@link #stateOf} is a regular file's. */
    static boolean isRegularFile(String state) {
        return state.matches("[0-9a-f]{64} [0-7]+");
    }

    private Map<String, String> links(String listing) throws InterruptedException {
        Map<String, String> links = new LinkedHashMap<>();
        String script = listing + " | while IFS= read -r f; do printf '%s|%s\\n' \"$(readlink \"$f\")\" \"$f\"; done";
        for (String line : output(script, PROBE_COMMAND).split("\n")) {
            int bar = line.indexOf('|');
            if (bar >= 0) {
                links.put(line.substring(bar + 1), "-> " + line.substring(0, bar));
            }
        }
        return links;
    }

    /** {@code sha256sum} output: "HASH  PATH" per line. */
    static Map<String, String> parseHashes(String output) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf("  ");
            if (space == 64) {
                hashes.put(line.substring(space + 2), line.substring(0, space));
            }
        }
        return hashes;
    }

    /** {@code value} as one single-quoted shell word. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String quoteAll(Collection<String> values) {
        List<String> quoted = new ArrayList<>(values.size());
        values.forEach(value -> quoted.add(quote(value)));
        return String.join(" ", quoted);
    }

    static String abbreviate(String text) {
        String flat = text.strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}

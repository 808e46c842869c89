package io.assay.docker;

import io.assay.spi.ReferenceSolution;
import io.assay.spi.Task;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a task's reference solution writes, found by applying it in a trial of its own (as the
 * {@code oracle} does) and comparing the file system before and after. The isolation probe then
 * looks for that content in a fresh container, where the agent should have to produce it.
 *
 * @param outputs the content of each regular file the solution created or changed, outside system
 *                and scratch directories, up to 64 KiB each and 20 in all, those under the
 *                working directory first
 * @param changed every path the solution created, changed or deleted: a file it moves or edits is
 *                an input, whatever it holds
 */
record ReferenceOutputs(Map<String, byte[]> outputs, Set<String> changed) {
    private static final int MAX_OUTPUTS = 20;
    private static final long MAX_OUTPUT_BYTES = 64 * 1024;
    /** Where packages, caches, logs and the solution's own upload go: written, but not an answer. */
    private static final List<String> NOT_OUTPUTS = List.of("/usr/", "/lib/", "/lib32/", "/lib64/", "/bin/", "/sbin/",
            "/etc/", "/var/", "/tmp/", "/run/", "/logs/", "/solution/", "/root/.cache/", "/root/.local/");

    static SandboxTrial<ReferenceOutputs> run(SandboxSuite suite, Task task) throws Exception {
        return suite.ungradedTrial(task, 0, sandbox -> {
            if (!(sandbox instanceof ReferenceSolution reference)) {
                throw new IllegalStateException("the sandbox cannot apply the reference solution");
            }
            SandboxShell shell = new SandboxShell(sandbox);
            Map<String, SandboxShell.Signature> before = shell.signatures();
            reference.solve();
            Map<String, SandboxShell.Signature> after = shell.signatures();
            Set<String> changed = SandboxShell.changedPaths(before, after);
            String workdir = shell.workingDirectory().endsWith("/") ? shell.workingDirectory()
                    : shell.workingDirectory() + "/";
            List<String> candidates = changed.stream()
                    .filter(path -> after.containsKey(path) && !after.get(path).directory())
                    .filter(path -> after.get(path).size() > 0 && after.get(path).size() <= MAX_OUTPUT_BYTES)
                    .filter(path -> NOT_OUTPUTS.stream().noneMatch(path::startsWith))
                    .sorted(Comparator.comparing((String path) -> !path.startsWith(workdir))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(MAX_OUTPUTS).toList();
            Map<String, byte[]> outputs = new LinkedHashMap<>();
            for (Map.Entry<String, String> state : shell.stateOf(candidates).entrySet()) {
                if (SandboxShell.isRegularFile(state.getValue())) {
                    outputs.put(state.getKey(), shell.readFile(state.getKey()));
                }
            }
            return new ReferenceOutputs(outputs, changed);
        });
    }
}

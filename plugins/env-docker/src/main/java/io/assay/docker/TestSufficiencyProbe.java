package io.assay.docker;

import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mutation testing of a sandboxed task's tests (ABC O.d.2): degraded versions of the reference
 * solution must fail. Each runs as a real trial, the script uploaded and run with {@code bash} in
 * the working directory:
 * <ul>
 * <li>the solution left empty: passing is an error (the tests accept no work at all);</li>
 * <li>each command of {@code solve.sh} dropped in turn (up to 20, spread over the script), and the
 *     full solution with every file it wrote under the working directory truncated to half: a pass
 *     is a warning naming the variant, since the tests do not check that part of the work.</li>
 * </ul>
 * A dropped command that leaves the same end state as the full solution (a redundant
 * {@code mkdir -p}, an {@code echo} to the log) says nothing about the tests and is not reported.
 * Only tasks whose full solution, run this way, passes are checked; the solvability probe reports
 * the others. SWE-bench Verified's weak tests, which let wrong patches pass, are what this catches.
 */
public final class TestSufficiencyProbe extends SandboxProbe {
    private static final List<String> ABC = List.of("O.d.2");
    private static final int MAX_DROPS = 20;
    private static final String SOLUTION_DIRECTORY = SandboxShell.SCRATCH + "/solution";
    private static final Pattern NOT_DROPPED = Pattern.compile(
            "(set(\\s+([-+][A-Za-z]+|pipefail|errexit|nounset|xtrace))*|cd(\\s+\\S+)?|exit(\\s+\\d+)?)\\s*;?");
    /** Scratch space a solution may fill differently on every run (mktemp names, caches, logs). */
    private static final List<String> VOLATILE = List.of("/tmp/", "/var/tmp/", "/var/log/", "/var/cache/", "/root/.cache/");

    @Override
    public String name() {
        return "test-sufficiency";
    }

    @Override
    public String description() {
        return "degraded versions of the reference solution fail the tests";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    public Optional<String> notApplicable(AuditContext context) {
        return super.notApplicable(context).or(() -> SandboxSuite.of(context).harborTasks().stream()
                .anyMatch(HarborTask::hasSolution) ? Optional.empty() : Optional.of("no task has solution/solve.sh"));
    }

    @Override
    List<Finding> auditTask(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception {
        if (!harborTask.hasSolution()) {
            return List.of();
        }
        Solution solution = Solution.read(harborTask);
        SandboxTrial<EndState> full = solution.trial(suite, task, solution.script(), false);
        if (!full.finished()) {
            return List.of(full.notChecked(name(), ABC, task, "Whether the tests reject degraded solutions"));
        }
        if (!full.passed()) {
            return List.of(new Finding(name(), ABC, Severity.WARNING, task.id(),
                    "Whether the tests reject degraded solutions was not checked: solution/solve.sh, uploaded with "
                            + "the other files of solution/ to " + SOLUTION_DIRECTORY + " and run with bash in the "
                            + "working directory, does not pass. Fix: correct the solution if the solvability probe "
                            + "reports it too; else let solve.sh find its files relative to itself "
                            + "($(dirname \"$0\")) rather than at /solution.",
                    full.verdict()));
        }
        SandboxTrial<EndState> empty = solution.trial(suite, task, "#!/bin/bash\n", false);
        if (empty.finished() && empty.passed()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("variant", "empty solution");
            evidence.putAll(empty.verdict());
            return List.of(new Finding(name(), ABC, Severity.ERROR, task.id(),
                    "The tests pass when the reference solution is left empty: they accept no work at all. Fix: "
                            + "make tests/test.sh check the result the instruction asks for.", evidence));
        }
        List<SandboxScript.Command> drops = solution.droppable();
        List<Callable<Optional<Map<String, Object>>>> variants = new ArrayList<>();
        for (SandboxScript.Command command : drops) {
            variants.add(() -> {
                SandboxTrial<EndState> dropped = solution.trial(suite, task, solution.parsed().without(command), false);
                List<String> differences = dropped.finished() ? full.found().differences(dropped.found()) : List.of();
                return dropped.passed() && !differences.isEmpty()
                        ? Optional.of(variant("dropped " + lines(command), command.text(), differences, dropped))
                        : Optional.empty();
            });
        }
        variants.add(() -> {
            SandboxTrial<EndState> truncated = solution.trial(suite, task, solution.script(), true);
            return truncated.finished() && truncated.passed() && !truncated.found().truncated().isEmpty()
                    ? Optional.of(variant("outputs truncated to half", null, truncated.found().truncated(), truncated))
                    : Optional.empty();
        });
        List<Map<String, Object>> passing = suite.parallel(variants, Callable::call).stream().flatMap(Optional::stream).toList();
        if (passing.isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passing_variants", passing);
        evidence.put("variants_tried", drops.size() + 2);
        evidence.put("commands_in_solution", solution.parsed().commands().size());
        List<String> names = passing.stream().map(v -> (String) v.get("variant")).toList();
        return List.of(new Finding(name(), ABC, Severity.WARNING, task.id(),
                "Degraded versions of the reference solution still pass (" + String.join("; ", names) + "): the tests "
                        + "do not check what those parts of the solution produce. Fix: add checks to tests/test.sh for "
                        + "the effect of each listed part (and the full content of each output), or drop the command "
                        + "from solve.sh if the task does not need it.", evidence,
                "degraded versions of the reference solution still pass"));
    }

    private static Map<String, Object> variant(String name, String command, List<String> changed,
                                               SandboxTrial<EndState> trial) {
        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("variant", name);
        if (command != null) {
            variant.put("command", command);
        }
        variant.put("files_differing_from_reference", changed.stream().limit(10).toList());
        variant.putAll(trial.verdict());
        return variant;
    }

    private static String lines(SandboxScript.Command command) {
        return command.firstLine() == command.lastLine() ? "line " + command.firstLine()
                : "lines " + command.firstLine() + "-" + command.lastLine();
    }

    /**
     * What a script run changed outside the probe's scratch directory.
     *
     * @param changed each created, modified or deleted path with its state afterwards
     * @param truncated the files cut to half their size afterwards, if asked
     */
    record EndState(Map<String, String> changed, List<String> truncated) {

        /** Paths whose end state differs between the two runs, ignoring scratch space. */
        List<String> differences(EndState other) {
            Set<String> paths = new LinkedHashSet<>(changed.keySet());
            paths.addAll(other.changed.keySet());
            return paths.stream().filter(path -> VOLATILE.stream().noneMatch(path::startsWith))
                    .filter(path -> !SandboxShell.PER_CONTAINER.contains(path))
                    .filter(path -> !Objects.equals(changed.get(path), other.changed.get(path))).sorted().toList();
        }
    }

    /** The task's reference solution: solve.sh and the files beside it. */
    private record Solution(HarborTask harborTask, String script, SandboxScript parsed, Map<String, byte[]> files) {

        static Solution read(HarborTask task) throws IOException {
            Path directory = task.solutionDirectory();
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            String script = new String(files.remove("solve.sh"), StandardCharsets.UTF_8);
            return new Solution(task, script, SandboxScript.parse(script), files);
        }

        /** The commands worth dropping: all but option settings, bare {@code cd} and {@code exit}; at most 20, spread out. */
        List<SandboxScript.Command> droppable() {
            List<SandboxScript.Command> commands = parsed.commands().stream()
                    .filter(command -> !NOT_DROPPED.matcher(command.text().strip()).matches()).toList();
            if (commands.size() <= MAX_DROPS) {
                return commands;
            }
            List<SandboxScript.Command> spread = new ArrayList<>(MAX_DROPS);
            for (int i = 0; i < MAX_DROPS; i++) {
                spread.add(commands.get(i * commands.size() / MAX_DROPS));
            }
            return spread;
        }

        /** A trial whose agent runs {@code script} beside the solution's files, then optionally truncates what it wrote. */
        SandboxTrial<EndState> trial(SandboxSuite suite, Task task, String script, boolean truncate) throws Exception {
            return suite.trial(task, 0, sandbox -> {
                SandboxShell shell = new SandboxShell(sandbox);
                Map<String, SandboxShell.Signature> before = shell.signatures();
                files.forEach((path, content) -> shell.writeFile(SOLUTION_DIRECTORY + "/" + path, content));
                shell.writeFile(SOLUTION_DIRECTORY + "/solve.sh", script);
                shell.run("bash " + SOLUTION_DIRECTORY + "/solve.sh", harborTask.agentTimeout());
                Map<String, SandboxShell.Signature> after = shell.signatures();
                Set<String> changedPaths = SandboxShell.changedPaths(before, after);
                Map<String, String> changed = shell.stateOf(changedPaths);
                return new EndState(changed, truncate ? truncateOutputs(shell, changed, after) : List.of());
            });
        }

        /** Cuts each regular file the run created or modified under the working directory to half its size. */
        private static List<String> truncateOutputs(SandboxShell shell, Map<String, String> changed,
                                                    Map<String, SandboxShell.Signature> signatures)
                throws InterruptedException {
            String workdir = shell.workingDirectory().endsWith("/") ? shell.workingDirectory()
                    : shell.workingDirectory() + "/";
            List<String> truncated = new ArrayList<>();
            StringBuilder script = new StringBuilder("true");
            for (Map.Entry<String, String> entry : changed.entrySet()) {
                String path = entry.getKey();
                SandboxShell.Signature signature = signatures.get(path);
                long size = signature == null ? 0 : signature.size();
                if (path.startsWith(workdir) && size > 0 && SandboxShell.isRegularFile(entry.getValue())) {
                    script.append(" && truncate -s ").append(size / 2).append(' ').append(SandboxShell.quote(path));
                    truncated.add(path);
                }
            }
            if (!truncated.isEmpty()) {
                shell.output(script.toString(), SandboxShell.PROBE_COMMAND);
            }
            return truncated;
        }
    }
}

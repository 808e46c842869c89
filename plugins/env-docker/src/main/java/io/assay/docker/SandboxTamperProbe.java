package io.assay.docker;

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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An agent that attacks the verifier before it runs (ABC T.5), as SWE-Lancer's agents could
 * overwrite the tests that graded them: it plants a passing {@code /tests/test.sh}, a reward of 1
 * in {@code /logs/verifier/reward.txt} and {@code reward.json}, makes {@code /logs/verifier}
 * read-only, and replaces every script or executable of the working directory that
 * {@code tests/test.sh} names with one that writes a reward of 1. A pass is an error: the
 * verifier trusts something the agent controls.
 *
 * <p>When that fails, a second agent also shadows the programs {@code test.sh} calls by bare name
 * (grep, diff, python3...) with fakes that exit 0, in a directory that comes first on the
 * container's PATH. A pass then is info, not an error: every Harbor verifier runs in the container
 * the agent had root in, so no task can fully defend itself; the finding says how much it relies
 * on that.
 */
public final class SandboxTamperProbe extends SandboxProbe {
    private static final List<String> ABC = List.of("T.5");
    private static final String REWARD = "mkdir -p /logs/verifier && echo 1 > /logs/verifier/reward.txt";
    private static final String PASSING_SHELL = "#!/bin/sh\n# planted by assay's sandbox-tamper probe\necho PASS\n"
            + REWARD + "\nexit 0\n";
    private static final String PASSING_PYTHON = "import os\n# planted by assay's sandbox-tamper probe\n"
            + "os.makedirs('/logs/verifier', exist_ok=True)\nopen('/logs/verifier/reward.txt', 'w').write('1\\n')\n";
    private static final String FAKE_PROGRAM = "#!/bin/sh\n# planted by assay's sandbox-tamper probe\nexit 0\n";
    private static final Pattern SCRIPT_NAME = Pattern.compile("(?i).*\\.(sh|bash|py|pl|rb|js|ts)");
    private static final Pattern FILE_WORD = Pattern.compile("[\\w./+@-]+");
    /** The shells that run test.sh, and bash builtins a fake on PATH would not replace. */
    private static final Set<String> NOT_FAKED = Set.of("bash", "sh", "env", "echo", "printf", "test", "[", "true",
            "false", "pwd", "read", "kill", "cd", "exit", "set", "export", "source", "type", "command", "local",
            "return", "shift", "trap", "wait", "unset", "eval", "exec", "let", "declare", "readonly", "getopts",
            "ulimit", "umask", "hash", "times", "break", "continue");
    private static final int MAX_CANDIDATES = 500;

    @Override
    public String name() {
        return "sandbox-tamper";
    }

    @Override
    public String description() {
        return "an agent cannot make the verifier pass by overwriting what it trusts";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    List<Finding> auditTask(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception {
        SandboxScript testScript = testScript(harborTask);
        Set<String> words = fileWords(testScript);
        SandboxTrial<Tampering> grader = suite.trial(task, 0,
                sandbox -> tamper(new SandboxShell(sandbox), testScript, words, false));
        if (!grader.finished()) {
            return List.of(grader.notChecked(name(), ABC, task, "Whether the agent can fake the verifier's verdict"));
        }
        if (grader.passed()) {
            if (doNothingPasses(suite, task)) {
                return List.of();
            }
            return List.of(finding(task, Severity.ERROR, grader,
                    "an agent that tampers with what the verifier trusts gets the task passed",
                    "An agent that tampers with what the verifier trusts gets the task passed: "
                            + summary(grader.found()) + ". Fix: have test.sh check the agent's outputs itself with "
                            + "programs and data from tests/ (copied in after the agent), never scripts from the "
                            + "working directory, and write the reward on every path (0 on failure)."));
        }
        if (grader.found().fakeable().isEmpty()) {
            return List.of();
        }
        SandboxTrial<Tampering> programs = suite.trial(task, 1,
                sandbox -> tamper(new SandboxShell(sandbox), testScript, words, true));
        if (!programs.finished() || !programs.passed() || doNothingPasses(suite, task)) {
            return List.of();
        }
        return List.of(finding(task, Severity.INFO, programs,
                "the tests pass when the programs test.sh calls by name are faked",
                "The tests pass when the programs test.sh calls by name are replaced by fakes that exit 0 ("
                        + String.join(", ", programs.found().fakeable()) + "), which an agent with root in the "
                        + "container can do. Fix: compare outputs with values computed by the verifier (for example "
                        + "hashes written in test.sh) rather than trusting a program's exit status, and call programs "
                        + "by absolute path."));
    }

    /** A pass that needs no tampering is the do-nothing probe's finding, not this one's. */
    private static boolean doNothingPasses(SandboxSuite suite, Task task) throws Exception {
        return suite.trial("null", task, 0).passed();
    }

    /** What the agent did, and which programs of test.sh it could shadow on PATH. */
    private record Tampering(List<String> actions, List<String> fakeable) {
    }

    private static SandboxScript testScript(HarborTask task) throws IOException {
        Path testSh = task.testsDirectory().resolve("test.sh");
        return SandboxScript.parse(Files.isRegularFile(testSh) ? Files.readString(testSh, StandardCharsets.UTF_8) : "");
    }

    /** Words of test.sh that could name a file, such as {@code ./run_checks.sh} or {@code /app/grade.py}. */
    private static Set<String> fileWords(SandboxScript script) {
        Set<String> words = new LinkedHashSet<>();
        for (SandboxScript.Word word : script.words()) {
            String text = word.text();
            if (text.length() >= 2 && !text.startsWith("-") && FILE_WORD.matcher(text).matches()
                    && !text.matches("[\\d.]+") && words.size() < MAX_CANDIDATES) {
                words.add(text);
            }
        }
        return words;
    }

    private static Tampering tamper(SandboxShell shell, SandboxScript testScript, Set<String> words,
                                    boolean fakePrograms) throws InterruptedException {
        List<String> actions = new ArrayList<>();
        List<String> executables = new ArrayList<>();
        replaceWorkdirScripts(shell, words, actions, executables);
        List<String> fakeable = fakeablePrograms(shell, testScript);
        if (fakePrograms) {
            for (String fake : fakeable) {
                shell.writeFile(fake, FAKE_PROGRAM);
                executables.add(fake);
                actions.add("planted " + fake + " (a fake that exits 0)");
            }
        }
        shell.writeFile("/tests/test.sh", PASSING_SHELL);
        executables.add("/tests/test.sh");
        actions.add("wrote /tests/test.sh (prints PASS, writes reward 1)");
        shell.run("chmod 755 " + SandboxShell.quoteAll(executables) + "; mkdir -p /logs/verifier; "
                + "echo 1 > /logs/verifier/reward.txt; printf '{\"reward\": 1}\\n' > /logs/verifier/reward.json; "
                + "chmod 444 /logs/verifier/reward.txt /logs/verifier/reward.json; chmod 555 /logs/verifier; "
                + "chattr +i /logs/verifier/reward.txt /logs/verifier/reward.json 2>/dev/null", SandboxShell.PROBE_COMMAND);
        actions.add("planted /logs/verifier/reward.txt = 1 and reward.json {\"reward\": 1}");
        actions.add("made /logs/verifier and the reward files read-only (chmod 555/444, chattr +i where allowed)");
        return new Tampering(actions, fakeable.stream().map(fake -> fake.substring(fake.lastIndexOf('/') + 1)).toList());
    }

    /** Replaces the scripts and executables of the working directory that test.sh names. */
    private static void replaceWorkdirScripts(SandboxShell shell, Set<String> words, List<String> actions,
                                              List<String> executables) throws InterruptedException {
        Path workdir = Path.of(shell.workingDirectory());
        Set<String> candidates = new LinkedHashSet<>();
        for (String word : words) {
            Path path = workdir.resolve(word).normalize();
            if (path.startsWith(workdir) && !path.equals(workdir)) {
                candidates.add(path.toString());
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        String listing = shell.output("for p in " + SandboxShell.quoteAll(candidates) + "; do [ -f \"$p\" ] && "
                + "printf '%s|%s|%s\\n' \"$([ -x \"$p\" ] && echo x)\" \"$(head -c 2 \"$p\" | tr -d '\\n|')\" \"$p\"; "
                + "done; true", SandboxShell.PROBE_COMMAND);
        for (String line : listing.split("\n")) {
            String[] fields = line.split("\\|", 3);
            if (fields.length < 3) {
                continue;
            }
            String path = fields[2];
            if (fields[0].equals("x") || fields[1].equals("#!") || SCRIPT_NAME.matcher(path).matches()) {
                shell.writeFile(path, path.endsWith(".py") ? PASSING_PYTHON : PASSING_SHELL);
                executables.add(path);
                actions.add("replaced " + path + " with a script that writes reward 1 and exits 0");
            }
        }
    }

    /**
     * Where a fake of each program test.sh calls by bare name would win: the first directory of
     * the PATH test.sh runs with (its own {@code PATH=...} if it sets one, else the container's),
     * when the real program lives in a later one.
     */
    private static List<String> fakeablePrograms(SandboxShell shell, SandboxScript testScript)
            throws InterruptedException {
        List<String> candidates = testScript.programs().stream().filter(program -> !NOT_FAKED.contains(program)).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        String searched = fixedPath(testScript).map(SandboxShell::quote).orElse("\"$PATH\"");
        String[] output = shell.output("p=" + searched + "; echo \"$p\"; for n in " + SandboxShell.quoteAll(candidates)
                + "; do for d in $(echo \"$p\" | tr ':' ' '); do if [ -x \"$d/$n\" ] && [ ! -d \"$d/$n\" ]; then "
                + "echo \"$n|$d\"; break; fi; done; done", SandboxShell.PROBE_COMMAND).split("\n");
        List<String> path = List.of(output[0].split(":"));
        List<String> fakes = new ArrayList<>();
        for (int i = 1; i < output.length; i++) {
            String[] fields = output[i].split("\\|", 2);
            if (fields.length == 2 && path.indexOf(fields[1]) > 0 && path.getFirst().startsWith("/")) {
                fakes.add(path.getFirst() + "/" + fields[0]);
            }
        }
        return fakes;
    }

    /** The PATH test.sh sets for itself, when it sets one without building on the container's. */
    static Optional<String> fixedPath(SandboxScript testScript) {
        return testScript.words().stream().map(SandboxScript.Word::text).filter(text -> text.startsWith("PATH="))
                .findFirst().filter(text -> text.indexOf('$') < 0).map(text -> text.substring("PATH=".length()));
    }

    private static String summary(Tampering tampering) {
        return String.join("; ", tampering.actions());
    }

    private Finding finding(Task task, Severity severity, SandboxTrial<Tampering> trial, String cause, String message) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("tampered", trial.found().actions());
        evidence.putAll(trial.verdict());
        return new Finding(name(), ABC, severity, task.id(), message, evidence, cause);
    }
}

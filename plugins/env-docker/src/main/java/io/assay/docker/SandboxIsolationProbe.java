package io.assay.docker;

import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches the agent's container for the task's grading material (ABC T.5): files of
 * {@code tests/} and {@code solution/} (by name, and by content anywhere on the file system), and
 * the expected values {@code tests/*.sh} compares against, in the directories where tasks keep
 * their data. Harbor copies {@code tests/} in only after the agent has finished; an image that
 * already holds them, or the answers they expect, lets an agent copy instead of work.
 *
 * <p>Precision rules, since an input the task gives on purpose is not a leak: a copy of a data file
 * of {@code tests/} that the task's {@code environment/} also ships, not named like grading
 * material, is taken for a shared input; an expected value counts when found in a small file
 * (a file that holds little else), or in a larger one named like grading material; values the
 * instruction itself states are not secret.
 */
public final class SandboxIsolationProbe implements AuditProbe {
    private static final List<String> ABC = List.of("T.5");
    /** Smaller files match unrelated content too easily by hash. */
    private static final int MIN_CONTENT_BYTES = 16;
    private static final int MIN_VALUE_LENGTH = 6;
    private static final int MAX_VALUES = 20;
    /** A file no bigger than twice an expected value and this much more holds little but that value. */
    private static final int SMALL_FILE_SLACK = 16;
    private static final List<String> DATA_DIRECTORIES = List.of("/app", "/root", "/tmp", "/etc", "/opt", "/home",
            "/srv", "/var");
    /**
     * Where a file merely named like a grading file is worth a warning: the task's own data, not
     * system directories, whose packages ship their own test files.
     */
    private static final List<String> NAME_ONLY_DIRECTORIES = List.of("/app", "/root", "/tmp", "/home", "/srv");
    private static final Pattern GRADING_NAME = Pattern.compile(
            "(?i).*(test|expect|answer|solution|solve|golden|reference|oracle|grade|grading|verif|check|key).*");
    private static final Pattern SCRIPT_NAME = Pattern.compile("(?i).*\\.(sh|bash|py|pl|rb|js|ts)");
    /** A path, possibly with spaces, or a relative path without them. */
    private static final Pattern PATH_LIKE = Pattern.compile("(~|\\.{1,2})?/.*|[\\w.@+-]+(/[\\w.@+*-]*)+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> COMMON_WORDS = Set.of("passed", "failed", "failure", "success", "successful",
            "correct", "incorrect", "expected", "output", "result", "results", "error", "errors", "reward",
            "pytest", "python", "python3", "verifier", "testing", "tests");

    @Override
    public String name() {
        return "sandbox-isolation";
    }

    @Override
    public String description() {
        return "the agent's container holds no tests, solution or expected values";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    public Optional<String> notApplicable(AuditContext context) {
        return SandboxSuite.notApplicable(context);
    }

    @Override
    public List<Finding> audit(AuditContext context) throws Exception {
        return SandboxSuite.auditEachTask(context, this::audit);
    }

    private List<Finding> audit(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception {
        List<GradingFile> grading = gradingFiles(harborTask);
        List<String> values = expectedValues(harborTask);
        SandboxTrial<Search> trial = suite.trial(task, 0, sandbox -> search(new SandboxShell(sandbox),
                grading, values));
        if (!trial.finished()) {
            return List.of(trial.notChecked(name(), ABC, task, "Whether grading material is visible to the agent"));
        }
        List<Hit> hits = new ArrayList<>();
        judgeNames(trial.found(), grading, hits);
        judgeContent(trial.found(), grading, harborTask, hits);
        judgeValues(trial.found(), values, hits);
        return hits.isEmpty() ? List.of() : List.of(finding(task, hits, grading.size(), values));
    }

    /** A file of {@code tests/} or {@code solution/}, as it is on the host. */
    private record GradingFile(String path, String name, long size, String sha256) {
        boolean sharedInputCandidate() {
            return path.startsWith("tests/") && !GRADING_NAME.matcher(name).matches()
                    && !SCRIPT_NAME.matcher(name).matches();
        }
    }

    /** What the agent found: files named like grading files, hashes of files sized like them, and files holding expected values. */
    private record Search(Map<String, Long> named, Map<String, String> hashes, List<ValueHit> values) {
    }

    private record ValueHit(int value, long size, String path) {
    }

    private record Hit(Severity severity, String path, String matched) {
    }

    private static List<GradingFile> gradingFiles(HarborTask task) throws IOException {
        List<GradingFile> files = new ArrayList<>();
        for (Path root : List.of(task.testsDirectory(), task.solutionDirectory())) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] content = Files.readAllBytes(file);
                    String path = task.directory().relativize(file).toString().replace('\\', '/');
                    files.add(new GradingFile(path, file.getFileName().toString(), content.length, sha256(content)));
                }
            }
        }
        return files;
    }

    /**
     * The distinctive values the task's test scripts compare against: quoted strings, numbers and
     * heredoc lines of at least 6 characters, other than paths, expansions, options, common words
     * and anything the instruction states.
     */
    static List<String> expectedValues(HarborTask task) throws IOException {
        Set<String> values = new LinkedHashSet<>();
        if (!Files.isDirectory(task.testsDirectory())) {
            return List.of();
        }
        List<Path> scripts;
        try (Stream<Path> walk = Files.walk(task.testsDirectory())) {
            scripts = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".sh")).sorted().toList();
        }
        for (Path script : scripts) {
            SandboxScript parsed = SandboxScript.parse(Files.readString(script, StandardCharsets.UTF_8));
            for (SandboxScript.Word word : parsed.words()) {
                if (word.quoted() || NUMBER.matcher(word.text()).matches()) {
                    // printf and echo -e formats: each line is a value of its own.
                    Stream.of(word.text().split("\\\\n")).map(String::strip).forEach(values::add);
                }
            }
            parsed.heredocs().forEach(body -> body.lines().map(String::strip).forEach(values::add));
        }
        return values.stream().filter(value -> distinctive(value, task.instruction())).limit(MAX_VALUES).toList();
    }

    private static boolean distinctive(String value, String instruction) {
        return value.length() >= MIN_VALUE_LENGTH && value.chars().anyMatch(Character::isLetterOrDigit)
                && value.indexOf('$') < 0 && value.indexOf('`') < 0 && value.indexOf('\n') < 0
                && !value.startsWith("-") && !PATH_LIKE.matcher(value).matches()
                && !COMMON_WORDS.contains(value.toLowerCase(Locale.ROOT)) && !instruction.contains(value);
    }

    private static Search search(SandboxShell shell, List<GradingFile> grading, List<String> values)
            throws InterruptedException {
        Set<String> names = new LinkedHashSet<>();
        grading.forEach(file -> names.add(file.name()));
        StringBuilder nameTests = new StringBuilder("-path '/tests/*' -o -path '/solution/*'");
        names.forEach(name -> nameTests.append(" -o -name ").append(SandboxShell.quote(globEscaped(name))));
        Map<String, Long> named = new LinkedHashMap<>();
        for (String line : shell.output(SandboxShell.findAll("-type f \\( " + nameTests
                + " \\) -exec stat -c '%s|%n' {} +"), SandboxShell.PROBE_COMMAND).split("\n")) {
            String[] fields = line.split("\\|", 2);
            if (fields.length == 2) {
                named.put(fields[1], Long.parseLong(fields[0]));
            }
        }
        Set<Long> sizes = new LinkedHashSet<>();
        grading.stream().filter(file -> file.size() >= MIN_CONTENT_BYTES).forEach(file -> sizes.add(file.size()));
        Map<String, String> hashes = Map.of();
        if (!sizes.isEmpty()) {
            List<String> sizeTests = sizes.stream().map(size -> "-size " + size + "c").toList();
            hashes = SandboxShell.parseHashes(shell.output(SandboxShell.findAll("-type f \\( "
                    + String.join(" -o ", sizeTests) + " \\) -exec sha256sum {} +"), SandboxShell.PROBE_COMMAND));
        }
        return new Search(named, hashes, valueHits(shell, values));
    }

    private static List<ValueHit> valueHits(SandboxShell shell, List<String> values) throws InterruptedException {
        if (values.isEmpty()) {
            return List.of();
        }
        Set<String> directories = new LinkedHashSet<>(DATA_DIRECTORIES);
        directories.add(shell.workingDirectory());
        StringBuilder script = new StringBuilder("dirs=''; for d in " + SandboxShell.quoteAll(directories)
                + "; do [ -d \"$d\" ] && dirs=\"$dirs $d\"; done\n");
        for (int i = 0; i < values.size(); i++) {
            script.append("grep -rlF -e ").append(SandboxShell.quote(values.get(i)))
                    .append(" $dirs 2>/dev/null | while IFS= read -r f; do printf '%s|%s|%s\\n' ").append(i)
                    .append(" \"$(wc -c < \"$f\")\" \"$f\"; done\n");
        }
        script.append("true");
        List<ValueHit> hits = new ArrayList<>();
        for (String line : shell.output(script.toString(), SandboxShell.PROBE_COMMAND).split("\n")) {
            String[] fields = line.split("\\|", 3);
            if (fields.length == 3 && !fields[2].startsWith(SandboxShell.SCRATCH + "/")) {
                hits.add(new ValueHit(Integer.parseInt(fields[0]), Long.parseLong(fields[1].strip()), fields[2]));
            }
        }
        return hits;
    }

    private static void judgeNames(Search search, List<GradingFile> grading, List<Hit> hits) {
        for (Map.Entry<String, Long> entry : search.named().entrySet()) {
            String path = entry.getKey();
            if (search.hashes().containsKey(path) && grading.stream().anyMatch(f -> f.sha256().equals(search.hashes().get(path)))) {
                continue; // reported as a copy
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (path.startsWith("/tests/") || path.startsWith("/solution/")) {
                hits.add(new Hit(Severity.ERROR, path, "the image already has " + path.substring(0, path.indexOf('/', 1))
                        + "/, which the verifier or the oracle alone should get"));
            } else if (GRADING_NAME.matcher(name).matches()
                    && NAME_ONLY_DIRECTORIES.stream().anyMatch(directory -> path.startsWith(directory + "/"))) {
                List<String> same = grading.stream().filter(f -> f.name().equals(name)).map(GradingFile::path).toList();
                hits.add(new Hit(Severity.WARNING, path, "same name as " + String.join(", ", same)
                        + " (different content)"));
            }
        }
    }

    private static void judgeContent(Search search, List<GradingFile> grading, HarborTask task, List<Hit> hits)
            throws IOException {
        Set<String> environmentHashes = environmentHashes(task);
        for (Map.Entry<String, String> entry : search.hashes().entrySet()) {
            List<GradingFile> copies = grading.stream().filter(f -> f.sha256().equals(entry.getValue())).toList();
            if (copies.isEmpty()
                    || copies.stream().allMatch(f -> f.sharedInputCandidate() && environmentHashes.contains(f.sha256()))) {
                continue;
            }
            hits.add(new Hit(Severity.ERROR, entry.getKey(), "a copy of "
                    + String.join(", ", copies.stream().map(GradingFile::path).toList())));
        }
    }

    private static void judgeValues(Search search, List<String> values, List<Hit> hits) {
        for (ValueHit hit : search.values()) {
            String value = values.get(hit.value());
            String name = hit.path().substring(hit.path().lastIndexOf('/') + 1);
            boolean small = hit.size() <= 2L * value.length() + SMALL_FILE_SLACK;
            if (small || GRADING_NAME.matcher(name).matches()) {
                hits.add(new Hit(small ? Severity.ERROR : Severity.WARNING, hit.path(),
                        "holds \"" + value + "\", a value tests/ compares against (file of " + hit.size() + " bytes)"));
            }
        }
    }

    private Finding finding(Task task, List<Hit> hits, int gradingFiles, List<String> values) {
        Severity severity = hits.stream().anyMatch(hit -> hit.severity() == Severity.ERROR) ? Severity.ERROR
                : Severity.WARNING;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("found", hits.stream().map(hit -> Map.of("path", hit.path(), "matched", hit.matched(),
                "severity", hit.severity().name().toLowerCase(Locale.ROOT))).toList());
        evidence.put("searched_files", gradingFiles);
        evidence.put("searched_values", values);
        String where = String.join(", ", hits.stream().map(Hit::path).distinct().limit(5).toList());
        String message = severity == Severity.ERROR
                ? "Grading material is visible to the agent while it works (" + where + "): it can copy the expected "
                        + "result instead of producing it. Fix: keep tests, solutions and expected outputs out of the "
                        + "image and environment/ (tests/ is copied in only after the agent finishes)."
                : "Files named like grading material or holding expected values are visible to the agent (" + where
                        + "); check whether they give the result away. Fix: remove them from the image, or rename "
                        + "them if they are inputs the task gives on purpose.";
        return new Finding(name(), ABC, severity, task.id(), message, evidence);
    }

    private static Set<String> environmentHashes(HarborTask task) throws IOException {
        Set<String> hashes = new LinkedHashSet<>();
        if (Files.isDirectory(task.environmentDirectory())) {
            try (Stream<Path> walk = Files.walk(task.environmentDirectory())) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    hashes.add(sha256(Files.readAllBytes(file)));
                }
            }
        }
        return hashes;
    }

    private static String globEscaped(String name) {
        return name.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

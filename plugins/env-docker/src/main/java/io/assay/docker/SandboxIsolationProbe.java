package io.assay.docker;

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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches the agent's container for the task's grading material (ABC T.5): files of
 * {@code tests/} and {@code solution/} (by name, and by content anywhere on the file system), the
 * expected values the tests compare against ({@link ExpectedValues}), and the content of the files
 * the reference solution writes ({@link ReferenceOutputs}), in the directories where tasks keep
 * their data. Harbor copies {@code tests/} in only after the agent has finished; an image that
 * already holds them, or the answers they expect (say in a hidden folder a Dockerfile {@code RUN}
 * wrote), lets an agent copy instead of work.
 *
 * <p>Precision rules, since an input the task gives on purpose is not a leak: a copy of a data file
 * of {@code tests/} that the task's {@code environment/} also ships, not named like grading
 * material, is taken for a shared input; an expected value counts when found in a small file
 * (a file that holds little else), or in a larger one named like grading material; values the
 * instruction itself states are not secret; a file whose whole content is a reference output or
 * an expected text counts unless the solution itself moves or edits it, or the instruction or
 * {@code solve.sh} names it; a short one (under 6 characters) only in a hidden or
 * grading-named file.
 */
public final class SandboxIsolationProbe extends SandboxProbe {
    private static final List<String> ABC = List.of("T.5");
    /** Smaller files match unrelated content too easily by hash. */
    private static final int MIN_CONTENT_BYTES = 16;
    /** A whole-file secret shorter than this is a common value ("15", "yes"), so it only counts in a telling place. */
    private static final int MIN_SECRET_LENGTH = 6;
    private static final int MIN_SHORT_SECRET_LENGTH = 2;
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
    List<Finding> auditTask(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception {
        List<Finding> findings = new ArrayList<>();
        List<GradingFile> grading = gradingFiles(harborTask);
        ExpectedValues expected = ExpectedValues.read(harborTask);
        ReferenceOutputs reference = new ReferenceOutputs(Map.of(), Set.of());
        if (harborTask.hasSolution()) {
            SandboxTrial<ReferenceOutputs> run = ReferenceOutputs.run(suite, task);
            if (run.finished()) {
                reference = run.found();
            } else {
                findings.add(run.notChecked(name(), ABC, task, "Whether the image holds what the reference solution "
                        + "writes"));
            }
        }
        List<Secret> secrets = secrets(expected, reference, harborTask.instruction());
        List<String> values = expected.values();
        SandboxTrial<Search> trial = suite.ungradedTrial(task, 0, sandbox -> search(new SandboxShell(sandbox),
                grading, values, secrets));
        if (!trial.finished()) {
            return List.of(trial.notChecked(name(), ABC, task, "Whether grading material is visible to the agent"));
        }
        List<Hit> hits = new ArrayList<>();
        judgeNames(trial.found(), grading, hits);
        judgeContent(trial.found(), grading, harborTask, hits);
        judgeValues(trial.found(), values, hits);
        judgeSecrets(trial.found(), secrets, reference.changed(), namers(harborTask), hits);
        if (!hits.isEmpty()) {
            findings.add(finding(task, hits, grading.size(), values, reference.outputs().keySet()));
        }
        return findings;
    }

    /** A file of {@code tests/} or {@code solution/}, as it is on the host. */
    private record GradingFile(String path, String name, long size, String sha256) {
        boolean sharedInputCandidate() {
            return path.startsWith("tests/") && !GRADING_NAME.matcher(name).matches()
                    && !SCRIPT_NAME.matcher(name).matches();
        }
    }

    /**
     * What the agent found: files named like grading files, hashes of files sized like them, files
     * holding expected values, and hashes of files sized like a secret, in the data directories.
     */
    private record Search(Map<String, Long> named, Map<String, String> hashes, List<ValueHit> values,
                          Map<String, String> secretHashes, String workingDirectory) {
    }

    /**
     * Content no file the agent sees may consist of: a reference output, an expected text of the
     * tests or a short expected value, with or without a final newline.
     *
     * @param what what it is, for the finding
     * @param onlyWhereTelling whether it is too short to count outside a hidden or grading-named file
     * @param variants the byte lengths of its renderings, by sha256
     */
    private record Secret(String what, boolean onlyWhereTelling, Map<String, Integer> variants) {

        static Secret of(String what, byte[] content) {
            byte[] trimmed = trimmed(content);
            Map<String, Integer> variants = new LinkedHashMap<>();
            for (byte[] variant : List.of(content, trimmed, withNewline(trimmed))) {
                variants.put(sha256(variant), variant.length);
            }
            return new Secret(what, trimmed.length < MIN_SECRET_LENGTH, variants);
        }

        private static byte[] trimmed(byte[] content) {
            int end = content.length;
            while (end > 0 && " \t\r\n".indexOf(content[end - 1]) >= 0) {
                end--;
            }
            return Arrays.copyOf(content, end);
        }

        private static byte[] withNewline(byte[] content) {
            byte[] withNewline = Arrays.copyOf(content, content.length + 1);
            withNewline[content.length] = '\n';
            return withNewline;
        }
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
     * The whole-file secrets: what the reference solution writes (unless the instruction states
     * it), the expected texts of the tests and their short expected values; none shorter than
     * 2 characters, which would match by chance.
     */
    private static List<Secret> secrets(ExpectedValues expected, ReferenceOutputs reference, String instruction) {
        List<Secret> secrets = new ArrayList<>();
        reference.outputs().forEach((path, content) -> {
            String text = new String(content, StandardCharsets.UTF_8).strip();
            if (text.length() >= MIN_SHORT_SECRET_LENGTH && !instruction.contains(text)) {
                secrets.add(Secret.of("the output the reference solution writes to " + path, content));
            }
        });
        expected.blocks().forEach((text, source) -> secrets.add(Secret.of("the expected text written out in " + source
                + " (" + text.lines().count() + " lines)", text.getBytes(StandardCharsets.UTF_8))));
        expected.shortValues().forEach(value -> secrets.add(Secret.of("only \"" + value + "\", a value tests/ "
                + "compares against", value.getBytes(StandardCharsets.UTF_8))));
        return secrets;
    }

    private static Search search(SandboxShell shell, List<GradingFile> grading, List<String> values,
                                 List<Secret> secrets) throws InterruptedException {
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
        return new Search(named, hashes, valueHits(shell, values), secretHashes(shell, secrets),
                shell.workingDirectory());
    }

    /** A script that sets {@code $dirs} to the data directories and the working directory that exist. */
    private static String dataDirectories(SandboxShell shell) {
        Set<String> directories = new LinkedHashSet<>(DATA_DIRECTORIES);
        directories.add(shell.workingDirectory());
        return "dirs=''; for d in " + SandboxShell.quoteAll(directories)
                + "; do [ -d \"$d\" ] && dirs=\"$dirs $d\"; done\n";
    }

    /** The sha256 of every file in the data directories whose size is that of a secret's rendering. */
    private static Map<String, String> secretHashes(SandboxShell shell, List<Secret> secrets)
            throws InterruptedException {
        Set<Integer> sizes = new TreeSet<>();
        secrets.forEach(secret -> sizes.addAll(secret.variants().values()));
        if (sizes.isEmpty()) {
            return Map.of();
        }
        List<String> sizeTests = sizes.stream().map(size -> "-size " + size + "c").toList();
        return SandboxShell.parseHashes(shell.output(dataDirectories(shell) + "[ -z \"$dirs\" ] || find $dirs -path "
                + SandboxShell.SCRATCH + " -prune -o -type f \\( " + String.join(" -o ", sizeTests)
                + " \\) -exec sha256sum {} +", SandboxShell.PROBE_COMMAND));
    }

    private static List<ValueHit> valueHits(SandboxShell shell, List<String> values) throws InterruptedException {
        if (values.isEmpty()) {
            return List.of();
        }
        StringBuilder script = new StringBuilder(dataDirectories(shell));
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

    /**
     * A file whose whole content is a secret, unless the reference solution moved or edited it
     * (an input), it is already reported, the instruction or solve.sh names it (an input the task
     * gives on purpose), or the secret is short and the file neither hidden nor named like grading
     * material.
     */
    private static void judgeSecrets(Search search, List<Secret> secrets, Set<String> changedByReference,
                                     String namers, List<Hit> hits) {
        Set<String> reported = new LinkedHashSet<>();
        hits.forEach(hit -> reported.add(hit.path()));
        for (Map.Entry<String, String> file : search.secretHashes().entrySet()) {
            String path = file.getKey();
            if (changedByReference.contains(path) || reported.contains(path)
                    || named(path, search.workingDirectory(), namers)) {
                continue;
            }
            for (Secret secret : secrets) {
                Integer size = secret.variants().get(file.getValue());
                if (size != null && (!secret.onlyWhereTelling() || telling(path))) {
                    hits.add(new Hit(Severity.ERROR, path, "holds " + secret.what() + " (file of " + size + " bytes)"));
                    reported.add(path);
                    break;
                }
            }
        }
    }

    /** What names a task's inputs: its instruction and its reference solution. */
    private static String namers(HarborTask task) throws IOException {
        Path solve = task.solutionDirectory().resolve("solve.sh");
        return task.instruction() + "\n" + (Files.isRegularFile(solve) ? Files.readString(solve, StandardCharsets.UTF_8) : "");
    }

    /**
     * Whether {@code text} names {@code path} or a directory it is in (below the top level and the
     * working directory), absolutely or relative to the working directory: {@code cp -r
     * templates/ site/} makes everything under {@code /app/templates} an input.
     */
    private static boolean named(String path, String workingDirectory, String text) {
        String workdir = workingDirectory.endsWith("/") ? workingDirectory : workingDirectory + "/";
        for (String named = path; named.lastIndexOf('/') > 0 && !workdir.equals(named + "/");
             named = named.substring(0, named.lastIndexOf('/'))) {
            if (text.contains(named) || named.startsWith(workdir) && text.contains(named.substring(workdir.length()))) {
                return true;
            }
        }
        return false;
    }

    /** A file a leftover answer would be kept in: one in a hidden directory, hidden itself, or named like grading material. */
    private static boolean telling(String path) {
        return path.contains("/.") || GRADING_NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    private Finding finding(Task task, List<Hit> hits, int gradingFiles, List<String> values, Set<String> outputs) {
        Severity severity = hits.stream().anyMatch(hit -> hit.severity() == Severity.ERROR) ? Severity.ERROR
                : Severity.WARNING;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("found", hits.stream().map(hit -> Map.of("path", hit.path(), "matched", hit.matched(),
                "severity", hit.severity().name().toLowerCase(Locale.ROOT))).toList());
        evidence.put("searched_files", gradingFiles);
        evidence.put("searched_values", values);
        evidence.put("searched_outputs", List.copyOf(outputs));
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

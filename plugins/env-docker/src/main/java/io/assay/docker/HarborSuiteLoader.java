package io.assay.docker;

import io.assay.kit.ContentHash;
import io.assay.kit.LocatedDocument;
import io.assay.kit.Problems;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Harbor (Terminal-Bench 2) task directories as a suite: a directory of task directories, each
 * holding {@code task.toml}, or a single task directory as a suite of one. An optional
 * {@code suite.toml} at the root states what {@code suite.yaml} states for Assay's own format.
 * Every task runs in the {@code docker} environment and is graded by {@code harbor-tests}, the
 * task's own {@code tests/test.sh}; docs/sandbox.md is the reference.
 *
 * <pre>{@code
 * Suite suite = new HarborSuiteLoader().load(Path.of("examples/terminal"), context);
 * }</pre>
 */
public final class HarborSuiteLoader implements SuiteLoader {
    /** The optional file with the suite's id, version, description, measures, canary and warm_pool. */
    public static final String SUITE_FILE = "suite.toml";

    private static final Set<String> SUITE_FIELDS =
            HarborTasks.sorted("id", "version", "description", "measures", "canary", "warm_pool");
    private static final Pattern SUITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern TASK_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    @Override
    public String name() {
        return "harbor";
    }

    @Override
    public String description() {
        return "Harbor / Terminal-Bench 2 task directories (task.toml, instruction.md, environment/, tests/), "
                + "run in Docker";
    }

    @Override
    public boolean accepts(Path directory) {
        if (!Files.isDirectory(directory) || Files.exists(directory.resolve("suite.yaml"))) {
            return false;
        }
        try {
            return HarborTasks.isTaskDirectory(directory) || !taskDirectories(directory).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Suite load(Path directory, Context context) throws IOException {
        Problems problems = new Problems();
        if (!Files.isDirectory(directory)) {
            problems.add(directory, 0, "", (Files.exists(directory) ? "not a directory" : "no such directory")
                    + "; expected a directory of Harbor task directories");
            throw new InvalidSuiteException(problems.all());
        }
        boolean singleTask = HarborTasks.isTaskDirectory(directory);
        List<Path> taskDirs = singleTask ? List.of(directory) : taskDirectories(directory);
        if (!singleTask) {
            reportStrayDirectories(directory, problems);
        }
        if (taskDirs.isEmpty()) {
            problems.add(directory, 0, "", "no task directories; a Harbor suite holds directories with "
                    + HarborTasks.CONFIG_FILE + ", or is one");
        }
        Path suiteFile = directory.resolve(SUITE_FILE);
        Settings settings = Files.isRegularFile(suiteFile)
                ? Settings.read(suiteFile, problems)
                : new Settings(defaultId(directory), "", "", "", null, null, path -> 0);
        List<Task> tasks = new ArrayList<>();
        for (Path taskDir : taskDirs) {
            Task task = task(taskDir, problems);
            if (task != null) {
                tasks.add(task);
            }
        }
        Options environment = environment(directory, settings);
        validate(() -> context.validateEnvironment(environment), directory, suiteFile, settings, problems);
        Options reward = new Options("reward", Map.of("type", "harbor-tests"));
        validate(() -> context.validateReward(reward), directory, suiteFile, settings, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.all());
        }
        return new Suite(settings.id(), settings.version(), settings.description(), settings.measures(),
                settings.canary(), environment, reward, tasks, directory,
                contentHash(directory, singleTask ? List.of(directory) : withSuiteFile(taskDirs, suiteFile)));
    }

    /** Sub-directories holding {@code task.toml}, in name order: that is the task order. */
    private static List<Path> taskDirectories(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(HarborTasks::isTaskDirectory).sorted().toList();
        }
    }

    /** A directory without task.toml is most likely a task with a misnamed file; hidden ones are tooling. */
    private static void reportStrayDirectories(Path directory, Problems problems) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(child -> !HarborTasks.isTaskDirectory(child))
                    .sorted()
                    .forEach(child -> problems.add(child, 0, "", "no " + HarborTasks.CONFIG_FILE
                            + "; every directory in a Harbor suite is a task directory"));
        }
    }

    private static Task task(Path taskDir, Problems problems) {
        String id = taskDir.getFileName().toString();
        if (!TASK_ID.matcher(id).matches()) {
            problems.add(taskDir, 0, "", "the directory name is the task id and must match " + TASK_ID.pattern());
        }
        try {
            HarborTask task = HarborTasks.read(taskDir);
            return new Task(task.id(), task.instruction(), null, null, scalars(task.metadata()), null);
        } catch (InvalidSuiteException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** Results are segmented by metadata values, so only scalars are kept; lists such as tags are joined. */
    private static Map<String, Object> scalars(Map<String, Object> metadata) {
        Map<String, Object> scalars = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (isScalar(value)) {
                scalars.put(key, value);
            } else if (value instanceof List<?> list && list.stream().allMatch(HarborSuiteLoader::isScalar)) {
                scalars.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
        });
        return scalars;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static Options environment(Path directory, Settings settings) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "docker");
        spec.put("suite_dir", directory.toAbsolutePath().normalize().toString());
        if (settings.warmPool() != null) {
            spec.put("warm_pool", settings.warmPool());
        }
        return new Options("environment", spec);
    }

    /**
     * Runs one spec validation. A bad option is a problem, on {@code warm_pool}'s line when that is
     * the field at fault, else on the suite directory whose layout implied the spec. Validation
     * never asks for Docker ({@link DockerEnvironmentFactory#validate}), so it works without one.
     */
    private static void validate(Runnable validation, Path directory, Path suiteFile, Settings settings,
                                 Problems problems) {
        try {
            validation.run();
        } catch (InvalidOptionException e) {
            if (e.field().equals("environment.warm_pool") && settings.warmPool() != null) {
                problems.add(suiteFile, settings.lineOf().applyAsInt("warm_pool"), "warm_pool", e.expected());
            } else {
                problems.add(directory, 0, e.field(), e.expected());
            }
        }
    }

    static String defaultId(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        String id = (name == null ? "" : name.toString()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "harbor-suite" : id;
    }

    private static List<Path> withSuiteFile(List<Path> taskDirs, Path suiteFile) {
        List<Path> roots = new ArrayList<>(taskDirs);
        if (Files.isRegularFile(suiteFile)) {
            roots.add(suiteFile);
        }
        return roots;
    }

    /**
     * Each file's path relative to the suite and its SHA-256, in path order, hashed again: the
     * hash changes with any file an image, an instruction or a verifier is made from, and not with
     * where the suite lies.
     */
    private static String contentHash(Path directory, List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return ContentHash.of(directory, files);
    }

    /** The validated {@code suite.toml}; fields that failed validation are {@code null}. */
    private record Settings(String id, String version, String description, String measures, String canary,
                            Object warmPool, ToIntFunction<String> lineOf) {

        static Settings read(Path file, Problems problems) {
            LocatedDocument toml = HarborToml.read(file, problems);
            if (toml == null) {
                return new Settings(defaultId(file.getParent()), "", "", "", null, null, path -> 0);
            }
            ToIntFunction<String> lineOf = toml::lineOf;
            Options fields = HarborToml.table(toml);
            HarborTasks.rejectUnknown(fields, SUITE_FIELDS, file, lineOf, problems);
            return new Settings(
                    problems.value(file, lineOf, () -> id(fields, file)),
                    problems.value(file, lineOf, () -> fields.string("version", "")),
                    problems.value(file, lineOf, () -> fields.string("description", "")),
                    problems.value(file, lineOf, () -> fields.string("measures", "")),
                    problems.value(file, lineOf, () -> fields.string("canary", null)),
                    fields.get("warm_pool"), lineOf);
        }

        private static String id(Options fields, Path file) {
            String id = fields.string("id", defaultId(file.getParent()));
            if (!SUITE_ID.matcher(id).matches()) {
                throw new InvalidOptionException("id", "expected lower-case letters, digits and '-', starting with"
                        + " a letter or digit (" + SUITE_ID.pattern() + "), got " + Options.describe(id));
            }
            return id;
        }
    }
}

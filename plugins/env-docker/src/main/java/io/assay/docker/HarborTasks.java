package io.assay.docker;

import io.assay.kit.LocatedDocument;
import io.assay.kit.Problems;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Harbor task directories. Every problem in a task is reported at once, located by file,
 * line and field, and a misspelt key in {@code task.toml} is an error rather than a silent default;
 * docs/sandbox.md is the reference.
 *
 * <pre>{@code
 * HarborTask task = HarborTasks.read(Path.of("examples/terminal/count-errors"));
 * }</pre>
 */
public final class HarborTasks {
    /** The file that makes a directory a Harbor task. */
    public static final String CONFIG_FILE = "task.toml";

    private static final String DIRECTORY_CONTENTS =
            "a Harbor task directory holds task.toml, instruction.md, environment/Dockerfile and tests/test.sh";
    private static final Set<String> FIELDS = sorted("version", "metadata", "verifier", "agent", "environment");
    private static final Set<String> VERIFIER_FIELDS = sorted("timeout_sec", "env");
    private static final Set<String> AGENT_FIELDS = sorted("timeout_sec");
    private static final Set<String> ENVIRONMENT_FIELDS = sorted("build_timeout_sec", "cpus", "memory_mb", "memory",
            "storage_mb", "storage", "allow_internet", "docker_image");
    private static final String DOCKER_IMAGE = "docker_image";
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT])(?:I?B)?\\s*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MB = 1024L * 1024;
    /** Docker refuses smaller memory limits, and only when the container is created. */
    private static final long DOCKER_MINIMUM_MEMORY = 6 * MB;

    private HarborTasks() {
    }

    /**
     * Parses and validates one task directory.
     *
     * @throws InvalidSuiteException with every problem found, each naming its file, line and field
     */
    public static HarborTask read(Path taskDir) {
        Problems problems = new Problems();
        if (!Files.isDirectory(taskDir)) {
            problems.add(taskDir, 0, "", (Files.exists(taskDir) ? "not a directory" : "no such directory")
                    + "; " + DIRECTORY_CONTENTS);
            throw new InvalidSuiteException(problems.all());
        }
        Path configFile = taskDir.resolve(CONFIG_FILE);
        LocatedDocument config = null;
        Settings settings = null;
        if (Files.isRegularFile(configFile)) {
            config = HarborToml.read(configFile, problems);
            settings = config == null ? null : settings(configFile, config, problems);
        } else {
            problems.add(configFile, 0, "", "file not found; " + DIRECTORY_CONTENTS);
        }
        String instruction = instruction(taskDir.resolve("instruction.md"), problems);
        // Decided on the raw document, so a task whose docker_image has a bad value (already
        // reported) is not also told that its Dockerfile is missing.
        if (config == null || !namesDockerImage(config)) {
            requireFile(taskDir.resolve("environment/Dockerfile"), "the image the agent works in is built from"
                    + " it, unless task.toml names a prebuilt one as [environment] docker_image", problems);
        }
        requireFile(taskDir.resolve("tests/test.sh"),
                "the verifier runs it after the agent and it writes /logs/verifier/reward.txt", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSuiteException(problems.all());
        }
        return new HarborTask(taskDir.getFileName().toString(), taskDir, instruction, settings.agentTimeout(),
                settings.verifierTimeout(), settings.buildTimeout(), settings.cpus(), settings.memoryBytes(),
                settings.storageBytes(), settings.allowInternet(), settings.dockerImage(), settings.verifierEnv(),
                settings.metadata());
    }

    /**
     * The directory of task {@code taskId} in the suite at {@code suiteDir}: the suite directory
     * itself when it is a single task directory, else its sub-directory named {@code taskId}.
     */
    public static Path taskDirectory(Path suiteDir, String taskId) {
        return isTaskDirectory(suiteDir) ? suiteDir : suiteDir.resolve(taskId);
    }

    static boolean isTaskDirectory(Path directory) {
        return Files.isRegularFile(directory.resolve(CONFIG_FILE));
    }

    private static String instruction(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file, 0, "", "file not found; it holds the instruction the agent is given");
            return null;
        }
        String text = problems.readText(file);
        if (text != null && text.isBlank()) {
            problems.add(file, 0, "", "the file is empty; it holds the instruction the agent is given");
        }
        return text;
    }

    private static void requireFile(Path file, String why, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file, 0, "", (Files.exists(file) ? "not a regular file" : "file not found") + "; " + why);
        }
    }

    /** What task.toml says, validated; {@code null} when it has problems, which are then recorded. */
    private static Settings settings(Path file, LocatedDocument config, Problems problems) {
        ToIntFunction<String> lineOf = config::lineOf;
        Options root = HarborToml.table(config);
        rejectUnknown(root, FIELDS, file, lineOf, problems);
        problems.value(file, lineOf, () -> root.string("version", ""));
        Options metadata = problems.value(file, lineOf, () -> table(root, "metadata"));
        Options verifier = section(root, "verifier", VERIFIER_FIELDS, file, lineOf, problems);
        Options agent = section(root, "agent", AGENT_FIELDS, file, lineOf, problems);
        Options environment = section(root, "environment", ENVIRONMENT_FIELDS, file, lineOf, problems);
        Duration agentTimeout = problems.value(file, lineOf, () -> seconds(agent, "timeout_sec", 300));
        Duration verifierTimeout = problems.value(file, lineOf, () -> seconds(verifier, "timeout_sec", 120));
        Map<String, String> verifierEnv = problems.value(file, lineOf, () -> variables(verifier));
        Duration buildTimeout = problems.value(file, lineOf, () -> seconds(environment, "build_timeout_sec", 600));
        Double cpus = problems.value(file, lineOf, () -> positive(environment, "cpus", 1));
        Long memory = problems.value(file, lineOf, () -> memory(environment));
        Long storage = problems.value(file, lineOf, () -> bytes(environment, "storage_mb", "storage", 0));
        Boolean allowInternet = problems.value(file, lineOf, () -> environment.bool("allow_internet", false));
        Optional<String> dockerImage = problems.value(file, lineOf, () -> dockerImage(environment));
        if (!problems.isEmpty()) {
            return null;
        }
        return new Settings(agentTimeout, verifierTimeout, buildTimeout, cpus, memory, storage, allowInternet,
                dockerImage, verifierEnv, metadata.values());
    }

    private static boolean namesDockerImage(LocatedDocument config) {
        return config.root() instanceof Map<?, ?> root && root.get("environment") instanceof Map<?, ?> environment
                && environment.containsKey(DOCKER_IMAGE);
    }

    /**
     * The image reference as Docker takes it ({@code python:3.12-slim}, {@code ghcr.io/org/task:1.0},
     * {@code name@sha256:...}); whether the engine has it is known only at run time, since
     * validation never contacts Docker.
     */
    private static Optional<String> dockerImage(Options environment) {
        String image = environment.string(DOCKER_IMAGE, null);
        if (image == null) {
            return Optional.empty();
        }
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidOptionException(environment.field(DOCKER_IMAGE),
                    "expected an image reference such as \"python:3.12-slim\", got " + Options.describe(image));
        }
        return Optional.of(image);
    }

    /** A table that must be present in spirit: absent means empty, so its keys take their defaults. */
    private static Options section(Options root, String name, Set<String> fields, Path file,
                                   ToIntFunction<String> lineOf, Problems problems) {
        Options section = problems.value(file, lineOf, () -> table(root, name));
        if (section == null) {
            return new Options(name, Map.of());
        }
        rejectUnknown(section, fields, file, lineOf, problems);
        return section;
    }

    static void rejectUnknown(Options table, Set<String> fields, Path file, ToIntFunction<String> lineOf,
                              Problems problems) {
        for (String key : table.values().keySet()) {
            if (!fields.contains(key)) {
                problems.add(file, lineOf.applyAsInt(table.field(key)), table.field(key),
                        "unknown key; expected one of " + fields);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Options table(Options root, String name) {
        Object value = root.get(name);
        if (value == null) {
            return new Options(name, Map.of());
        }
        if (value instanceof Map<?, ?> map) {
            return new Options(name, (Map<String, Object>) map);
        }
        throw new InvalidOptionException(name, "expected a table [" + name + "], got " + Options.describe(value));
    }

    private static Duration seconds(Options section, String key, double fallback) {
        return Duration.ofNanos(Math.round(positive(section, key, fallback) * 1e9));
    }

    private static double positive(Options section, String key, double fallback) {
        double value = section.number(key, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidOptionException(section.field(key),
                    "expected a number greater than 0, got " + Options.describe(section.get(key)));
        }
        return value;
    }

    private static long memory(Options environment) {
        long bytes = bytes(environment, "memory_mb", "memory", 2048 * MB);
        if (bytes < DOCKER_MINIMUM_MEMORY) {
            String key = environment.has("memory") ? "memory" : "memory_mb";
            throw new InvalidOptionException(environment.field(key),
                    "expected at least 6 MB, the least memory Docker gives a container, got "
                            + Options.describe(environment.get(key)));
        }
        return bytes;
    }

    /** A size in bytes from either {@code megabytesKey = 512} or {@code textKey = "512M"}, not both. */
    private static long bytes(Options environment, String megabytesKey, String textKey, long fallback) {
        if (environment.has(megabytesKey) && environment.has(textKey)) {
            throw new InvalidOptionException(environment.field(textKey),
                    "set " + megabytesKey + " or " + textKey + ", not both");
        }
        if (environment.has(textKey)) {
            String text = environment.string(textKey);
            Matcher size = SIZE.matcher(text);
            double amount = size.matches() ? Double.parseDouble(size.group(1)) : 0;
            if (!(amount > 0)) {
                throw new InvalidOptionException(environment.field(textKey),
                        "expected a size greater than 0 such as \"512M\" or \"4G\", got " + Options.describe(text));
            }
            int power = "KMGT".indexOf(Character.toUpperCase(size.group(2).charAt(0))) + 1;
            return Math.round(amount * Math.pow(1024, power));
        }
        Object megabytes = environment.get(megabytesKey);
        if (megabytes == null) {
            return fallback;
        }
        if (!(megabytes instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.doubleValue() <= 0 || number.doubleValue() * MB > Long.MAX_VALUE) {
            throw new InvalidOptionException(environment.field(megabytesKey),
                    "expected a whole number of megabytes greater than 0, got " + Options.describe(megabytes));
        }
        return number.longValue() * MB;
    }

    private static Map<String, String> variables(Options verifier) {
        if (verifier.get("env") == null) {
            return Map.of();
        }
        Options env = verifier.object("env");
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : env.values().entrySet()) {
            if (!ENV_NAME.matcher(entry.getKey()).matches()) {
                throw new InvalidOptionException(env.field(entry.getKey()),
                        "expected an environment variable name (" + ENV_NAME.pattern() + ")");
            }
            if (!(entry.getValue() instanceof String value)) {
                throw new InvalidOptionException(env.field(entry.getKey()),
                        "expected a string, got " + Options.describe(entry.getValue()));
            }
            variables.put(entry.getKey(), value);
        }
        return variables;
    }

    static Set<String> sorted(String... names) {
        return new TreeSet<>(List.of(names));
    }

    private record Settings(Duration agentTimeout, Duration verifierTimeout, Duration buildTimeout, double cpus,
                            long memoryBytes, long storageBytes, boolean allowInternet, Optional<String> dockerImage,
                            Map<String, String> verifierEnv, Map<String, Object> metadata) {
    }
}

package io.assay.launcher;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which tasks of a suite a run or an audit evaluates: {@code --split}, then {@code --task},
 * {@code --filter}, {@code --sample} and {@code --limit}, applied in that order. Recorded in the
 * run's manifest, so a resumed run evaluates the same tasks without the flags.
 *
 * <ul>
 *   <li>{@code split}: the benchmark's published split to load, for a format that has splits
 *       (tau2-bench's {@code train}, {@code test}, {@code base}); the suite's loader reads only its
 *       tasks ({@link io.assay.spi.SuiteLoader.Context#split()}), so the others never load.</li>
 *   <li>{@code tasks}: ids or globs ({@code *} any characters, {@code ?} one); a task is kept when
 *       any of them matches its id. Each must match some task of the suite, so a typo is an error,
 *       not a smaller run.</li>
 *   <li>{@code filters}: metadata key to accepted values. Every key must hold (AND); several values
 *       of one key are alternatives (OR). How values compare: see {@link #matches(Object, String)}.</li>
 *   <li>{@code sample}: at most N of the tasks kept so far, drawn with the run's seed; the same
 *       seed, suite and selection give the same tasks on every machine.</li>
 *   <li>{@code limit}: at most the first N tasks kept so far, in suite order.</li>
 * </ul>
 *
 * <pre>{@code
 * TaskSelection selection = TaskSelection.parse(List.of("add-*"), List.of("difficulty=easy"), null, 3);
 * Suite subset = selection.applyTo(suite, 0L);
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TaskSelection(String split, List<String> tasks, Map<String, List<String>> filters, Integer sample,
                            Integer limit) {

    /** Every task of the suite. */
    public static final TaskSelection ALL = new TaskSelection(null, List.of(), Map.of(), null, null);

    public TaskSelection {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (filters == null ? Map.<String, List<String>>of() : filters).forEach((key, values) -> copy.put(key, List.copyOf(values)));
        filters = Collections.unmodifiableMap(copy);
        for (String pattern : tasks) {
            if (pattern.isBlank()) {
                throw new InputException("--task needs a task id or a glob such as 'add-*', got an empty one");
            }
        }
        atLeastOne("--sample", sample);
        atLeastOne("--limit", limit);
        if (split != null && split.isBlank()) {
            throw new InputException("--split needs the name of one of the benchmark's splits, such as test, got an empty one");
        }
    }

    /**
     * The selection the command line asked for.
     *
     * @param filters {@code KEY=VALUE} as typed; the value may be empty and may contain {@code =}
     */
    public static TaskSelection parse(List<String> tasks, List<String> filters, Integer sample, Integer limit) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            if (equals < 1) {
                throw new InputException("--filter '" + filter + "' is not KEY=VALUE",
                        "filter on task metadata, for example --filter difficulty=easy");
            }
            byKey.computeIfAbsent(filter.substring(0, equals), key -> new ArrayList<>()).add(filter.substring(equals + 1));
        }
        return new TaskSelection(null, tasks, byKey, sample, limit);
    }

    /** This selection from the benchmark's split {@code split}, or from its default tasks when {@code null}. */
    public TaskSelection withSplit(String split) {
        return new TaskSelection(split, tasks, filters, sample, limit);
    }

    /** Whether this keeps every task of the suite's default tasks. */
    @JsonIgnore
    public boolean isAll() {
        return split == null && keepsAllLoaded();
    }

    /** Whether this keeps every task loaded, whichever split they are. */
    private boolean keepsAllLoaded() {
        return tasks.isEmpty() && filters.isEmpty() && sample == null && limit == null;
    }

    /**
     * {@code suite} with only the selected tasks, in suite order; everything else (id, content hash,
     * defaults) unchanged. The suite itself when this selects all. The split is not applied here:
     * {@code suite} was loaded from it.
     *
     * @param seed the seed {@code sample} draws with
     * @throws InputException when a {@code --task} matches no task, or the selection keeps none
     */
    public Suite applyTo(Suite suite, long seed) {
        if (keepsAllLoaded()) {
            return suite;
        }
        List<Task> all = suite.tasks();
        Map<String, Pattern> globs = new LinkedHashMap<>();
        tasks.forEach(pattern -> globs.put(pattern, glob(pattern)));
        List<String> unmatched = globs.entrySet().stream()
                .filter(glob -> all.stream().noneMatch(task -> glob.getValue().matcher(task.id()).matches()))
                .map(Map.Entry::getKey)
                .toList();
        if (!unmatched.isEmpty()) {
            throw new InputException(unmatched.stream().map(p -> "--task " + p).collect(Collectors.joining(", "))
                    + (unmatched.size() == 1 ? " matches" : " match") + " no task of suite " + suite.id(),
                    "its " + all.size() + " task ids begin " + all.stream().limit(5).map(Task::id)
                            .collect(Collectors.joining(", ")) + (all.size() > 5 ? ", ..." : "")
                            + "; * and ? are wildcards");
        }
        List<Task> kept = all.stream()
                .filter(task -> globs.isEmpty() || globs.values().stream().anyMatch(glob -> glob.matcher(task.id()).matches()))
                .filter(this::passesFilters)
                .toList();
        if (kept.isEmpty()) {
            throw new InputException("the selection " + this + " matches no task of suite " + suite.id()
                    + " (" + all.size() + " tasks)", filterHint(all));
        }
        if (sample != null && sample < kept.size()) {
            kept = sample(kept, sample, seed);
        }
        if (limit != null && limit < kept.size()) {
            kept = kept.subList(0, limit);
        }
        return new Suite(suite.id(), suite.version(), suite.description(), suite.measures(), suite.canary(),
                suite.environment(), suite.reward(), kept, suite.directory(), suite.contentHash());
    }

    /** The selection as command-line flags, for messages: {@code --split test --task add-* --limit 3}. */
    @Override
    public String toString() {
        List<String> flags = new ArrayList<>();
        if (split != null) {
            flags.add("--split " + split);
        }
        tasks.forEach(pattern -> flags.add("--task " + pattern));
        filters.forEach((key, values) -> values.forEach(value -> flags.add("--filter " + key + "=" + value)));
        if (sample != null) {
            flags.add("--sample " + sample);
        }
        if (limit != null) {
            flags.add("--limit " + limit);
        }
        return flags.isEmpty() ? "(all tasks)" : String.join(" ", flags);
    }

    private boolean passesFilters(Task task) {
        return filters.entrySet().stream().allMatch(filter -> filter.getValue().stream()
                .anyMatch(wanted -> matches(task.metadata().get(filter.getKey()), wanted)));
    }

    /**
     * Whether a metadata value equals what {@code --filter} asked for. A string compares exactly (case
     * too); a number numerically ({@code level=2} matches {@code 2} and {@code 2.0}); a boolean as
     * {@code true} or {@code false}; a list matches when one of its elements does (tags). A missing
     * key, {@code null} and objects never match.
     */
    static boolean matches(Object value, String wanted) {
        return switch (value) {
            case String text -> text.equals(wanted);
            case Number number -> sameNumber(number, wanted);
            case Boolean bool -> bool.toString().equals(wanted);
            case List<?> list -> list.stream().anyMatch(element -> !(element instanceof List) && matches(element, wanted));
            case null, default -> false;
        };
    }

    private static boolean sameNumber(Number number, String wanted) {
        try {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(wanted.strip())) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** {@code count} of {@code tasks}, drawn with a seeded partial Fisher-Yates shuffle, back in suite order. */
    private static List<Task> sample(List<Task> tasks, int count, long seed) {
        // java.util.Random's sequence is fixed by its specification, so a seed draws the same tasks everywhere.
        Random random = new Random(seed);
        int[] order = IntStream.range(0, tasks.size()).toArray();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return IntStream.of(order).limit(count).sorted().mapToObj(tasks::get).toList();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        glob.codePoints().forEach(c -> regex.append(switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(Character.toString(c));
        }));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Why nothing was kept. Every --task pattern matched some task, so a filter is to blame: name a
     * key no task has, or the values the filtered keys take.
     */
    private String filterHint(List<Task> all) {
        List<String> hints = new ArrayList<>();
        for (String key : filters.keySet()) {
            TreeSet<String> values = all.stream().map(task -> task.metadata().get(key)).filter(Objects::nonNull)
                    .flatMap(value -> value instanceof List<?> list ? list.stream() : Stream.of(value))
                    .map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            if (values.isEmpty()) {
                TreeSet<String> keys = all.stream().flatMap(task -> task.metadata().keySet().stream())
                        .collect(Collectors.toCollection(TreeSet::new));
                hints.add("no task has metadata key '" + key + "'"
                        + (keys.isEmpty() ? "" : " (keys: " + String.join(", ", keys) + ")"));
            } else {
                hints.add(key + " takes " + values.stream().limit(8).collect(Collectors.joining(", "))
                        + (values.size() > 8 ? ", ..." : ""));
            }
        }
        return String.join("; ", hints);
    }

    private static void atLeastOne(String flag, Integer value) {
        if (value != null && value < 1) {
            throw new InputException(flag + " must be at least 1, got " + value);
        }
    }
}

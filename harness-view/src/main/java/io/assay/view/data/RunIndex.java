package io.assay.view.data;

import io.assay.launcher.Manifest;
import io.assay.launcher.RunFollower;
import io.assay.launcher.Summary;
import io.assay.rank.RunTasks;
import io.assay.spi.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the viewer keeps of one run: for each trial its place in {@code trials.jsonl} and the few
 * figures the pages list (task, epoch, outcome, score, agent time), in flat arrays, about 40 bytes
 * a trial, so a 100,000-trial run is indexed in a few megabytes and a transcript is read from disk
 * when asked for. {@link #refresh} reads only what a live run appended since the last call.
 */
public final class RunIndex {
    private final Path directory;
    private RunFollower follower;
    private final List<String> tasks = new ArrayList<>();
    private final Map<String, Integer> taskNumbers = new HashMap<>();
    private final List<Map<String, Object>> taskMetadata = new ArrayList<>();
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
    private int[] taskOf = new int[1024];
    private int[] epochs = new int[1024];
    private byte[] outcomes = new byte[1024];
    private boolean[] passed = new boolean[1024];
    private double[] scores = new double[1024];
    private double[] agentMillis = new double[1024];
    private int size;

    RunIndex(Path directory) {
        this.directory = directory;
        this.follower = RunFollower.open(directory);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Reads what was appended since the last refresh; starts over when the file was replaced. A
     * corrupt line fails the refresh and leaves the index empty, so the next one reads the file
     * from the start again and counts nothing twice.
     */
    public synchronized void refresh() {
        try {
            if (!follower.poll(this::add)) {
                startOver();
                follower.poll(this::add);
            }
        } catch (RuntimeException e) {
            startOver();
            throw e;
        }
    }

    private void startOver() {
        follower = RunFollower.open(directory);
        tasks.clear();
        taskNumbers.clear();
        taskMetadata.clear();
        size = 0;
    }

    /**
     * The run as the rankings read it ({@link RunTasks}), from this index: a comparison of two
     * indexed runs reads neither run's file again.
     */
    public synchronized RunTasks runTasks() {
        int[] trials = new int[tasks.size()];
        int[] scored = new int[tasks.size()];
        int[] passes = new int[tasks.size()];
        double[] scoreSums = new double[tasks.size()];
        Outcome[] values = Outcome.values();
        for (int i = 0; i < size; i++) {
            int task = taskOf[i];
            trials[task]++;
            if (values[outcomes[i]].scored()) {
                scored[task]++;
                scoreSums[task] += scores[i];
            }
            passes[task] += passed[i] ? 1 : 0;
        }
        Map<String, RunTasks.TaskResult> results = new LinkedHashMap<>();
        for (int task = 0; task < tasks.size(); task++) {
            results.put(tasks.get(task), new RunTasks.TaskResult(tasks.get(task), taskMetadata.get(task), trials[task],
                    scored[task], scoreSums[task], passes[task]));
        }
        return new RunTasks(directory, follower.manifest(), follower.summary(), Collections.unmodifiableMap(results));
    }

    /** The run as of the last refresh, read under one lock so its parts agree. */
    public record Snapshot(Manifest manifest, Summary summary, double[] sortedAgentMillis) {
    }

    public synchronized Snapshot snapshot() {
        double[] sorted = Arrays.copyOf(agentMillis, size);
        Arrays.sort(sorted);
        return new Snapshot(follower.manifest(), follower.summary(), sorted);
    }

    public synchronized Manifest manifest() {
        return follower.manifest();
    }

    /** The task ids in the order their first trial was recorded. */
    public synchronized List<String> tasks() {
        return List.copyOf(tasks);
    }

    public synchronized Map<String, Object> metadata(String task) {
        Integer number = taskNumbers.get(task);
        return number == null ? Map.of() : taskMetadata.get(number);
    }

    /** One trial's figures, as the index holds them. */
    public record Trial(String task, int epoch, Outcome outcome, boolean passed, double score, double agentMillis) {
    }

    /** Every trial's figures, in file order. */
    public synchronized List<Trial> trialFigures() {
        List<Trial> all = new ArrayList<>(size);
        Outcome[] values = Outcome.values();
        for (int i = 0; i < size; i++) {
            all.add(new Trial(tasks.get(taskOf[i]), epochs[i], values[outcomes[i]], passed[i], scores[i], agentMillis[i]));
        }
        return all;
    }

    /** The recorded lines of {@code task}'s trials in epoch order; empty when the run has no such task. */
    public List<String> lines(String task) {
        RunFollower reader;
        List<long[]> places = new ArrayList<>();
        synchronized (this) {
            reader = follower; // the follower the places were read with: a refresh may start over with another
            Integer number = taskNumbers.get(task);
            if (number == null) {
                return List.of();
            }
            for (int i = 0; i < size; i++) {
                if (taskOf[i] == number) {
                    places.add(new long[] {epochs[i], offsets[i], lengths[i]});
                }
            }
        }
        return read(reader, places);
    }

    /**
     * Hands every task's lines, in epoch order, to {@code consumer}, task by task in the order of
     * {@link #tasks}, grouping the places in one pass over the index.
     */
    public void forEachTaskLines(BiConsumer<String, List<String>> consumer) {
        RunFollower reader;
        List<String> ids;
        List<List<long[]>> byTask = new ArrayList<>();
        synchronized (this) {
            reader = follower;
            ids = List.copyOf(tasks);
            ids.forEach(id -> byTask.add(new ArrayList<>()));
            for (int i = 0; i < size; i++) {
                byTask.get(taskOf[i]).add(new long[] {epochs[i], offsets[i], lengths[i]});
            }
        }
        for (int task = 0; task < ids.size(); task++) {
            consumer.accept(ids.get(task), read(reader, byTask.get(task)));
        }
    }

    private static List<String> read(RunFollower reader, List<long[]> places) {
        places.sort((a, b) -> Long.compare(a[0], b[0]));
        List<String> lines = new ArrayList<>(places.size());
        for (long[] place : places) {
            lines.add(reader.line(place[1], (int) place[2]));
        }
        return lines;
    }

    private void add(RunFollower.TrialLine line) {
        if (size == offsets.length) {
            grow();
        }
        Integer number = taskNumbers.get(line.task());
        if (number == null) {
            number = tasks.size();
            tasks.add(line.task());
            taskNumbers.put(line.task(), number);
            taskMetadata.add(scalars(line.metadata()));
        }
        offsets[size] = line.offset();
        lengths[size] = line.length();
        taskOf[size] = number;
        epochs[size] = line.epoch();
        outcomes[size] = (byte) line.outcome().ordinal();
        passed[size] = line.passed();
        scores[size] = line.score();
        agentMillis[size] = line.agentTime().toNanos() / 1e6;
        size++;
    }

    /** Metadata the pages filter by: its scalar values, as the summary's segments take them. */
    private static Map<String, Object> scalars(Map<String, Object> metadata) {
        Map<String, Object> kept = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private void grow() {
        int capacity = offsets.length * 2;
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        taskOf = Arrays.copyOf(taskOf, capacity);
        epochs = Arrays.copyOf(epochs, capacity);
        outcomes = Arrays.copyOf(outcomes, capacity);
        passed = Arrays.copyOf(passed, capacity);
        scores = Arrays.copyOf(scores, capacity);
        agentMillis = Arrays.copyOf(agentMillis, capacity);
    }
}

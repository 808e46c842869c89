package io.assay.trust.contamination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every n-gram of a suite's prompts and answers, by hash, with where each occurs. The table is
 * open-addressed over primitive arrays because a corpus scan looks up one hash per corpus token:
 * billions of lookups, which boxed keys would turn into garbage.
 */
final class NgramIndex {
    /** The rolling hash's multiplier: odd, so multiplying loses no bits modulo 2^64. */
    private static final long BASE = 0x9E3779B97F4A7C15L;

    /** Which text of a task a segment is. */
    enum Field { PROMPT, ANSWER }

    /**
     * One text of one task, as token hashes.
     *
     * @param task the task's index in the suite
     */
    record Segment(int task, Field field, long[] tokens) {
    }

    private final int n;
    private final long highPower;
    private final List<Segment> segments = new ArrayList<>();
    private long[] keys;
    private int[] heads;
    private int[] occurrenceSegment = new int[16];
    private int[] occurrencePosition = new int[16];
    private int[] occurrenceNext = new int[16];
    private int occurrences;
    private int size;

    NgramIndex(List<TaskText> tasks, int n) {
        this.n = n;
        long power = 1;
        for (int i = 1; i < n; i++) {
            power *= BASE;
        }
        highPower = power;
        for (int t = 0; t < tasks.size(); t++) {
            segments.add(new Segment(t, Field.PROMPT, hashes(tasks.get(t).prompt())));
            for (String answer : tasks.get(t).answers()) {
                segments.add(new Segment(t, Field.ANSWER, hashes(answer)));
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, 2 * totalNgrams()) - 1) << 1;
        keys = new long[capacity];
        heads = new int[capacity];
        Arrays.fill(heads, -1);
        for (int s = 0; s < segments.size(); s++) {
            long[] tokens = segments.get(s).tokens();
            long hash = 0;
            for (int i = 0; i < tokens.length; i++) {
                hash = roll(hash, i >= n ? tokens[i - n] : 0, tokens[i]);
                if (i >= n - 1) {
                    add(hash, s, i - n + 1);
                }
            }
        }
    }

    int n() {
        return n;
    }

    List<Segment> segments() {
        return segments;
    }

    /** How many distinct n-gram hashes the suite has. */
    int size() {
        return size;
    }

    /**
     * The hash of a window after {@code outgoing} leaves it (0 while it is filling) and
     * {@code incoming} joins: {@code sum of token_i * BASE^(n-1-i)}, modulo 2^64.
     */
    long roll(long hash, long outgoing, long incoming) {
        return (hash - outgoing * highPower) * BASE + incoming;
    }

    /** The first occurrence of {@code hash}, or -1; follow with {@link #next}. */
    int first(long hash) {
        int mask = keys.length - 1;
        for (int slot = (int) hash & mask; heads[slot] >= 0; slot = (slot + 1) & mask) {
            if (keys[slot] == hash) {
                return heads[slot];
            }
        }
        return -1;
    }

    int next(int occurrence) {
        return occurrenceNext[occurrence];
    }

    int segment(int occurrence) {
        return occurrenceSegment[occurrence];
    }

    int position(int occurrence) {
        return occurrencePosition[occurrence];
    }

    private void add(long hash, int segment, int position) {
        if (occurrences == occurrenceNext.length) {
            occurrenceSegment = Arrays.copyOf(occurrenceSegment, occurrences * 2);
            occurrencePosition = Arrays.copyOf(occurrencePosition, occurrences * 2);
            occurrenceNext = Arrays.copyOf(occurrenceNext, occurrences * 2);
        }
        int mask = keys.length - 1;
        int slot = (int) hash & mask;
        while (heads[slot] >= 0 && keys[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        if (heads[slot] < 0) {
            size++;
        }
        keys[slot] = hash;
        occurrenceSegment[occurrences] = segment;
        occurrencePosition[occurrences] = position;
        occurrenceNext[occurrences] = heads[slot];
        heads[slot] = occurrences++;
    }

    private int totalNgrams() {
        return segments.stream().mapToInt(s -> Math.max(0, s.tokens().length - n + 1)).sum();
    }

    private static long[] hashes(String text) {
        return TextTokens.words(text).stream().mapToLong(TextTokens::hash).toArray();
    }
}

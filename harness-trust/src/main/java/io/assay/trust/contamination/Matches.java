package io.assay.trust.contamination;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/** Which n-grams of each segment of an {@link NgramIndex} the corpus holds, and each task's first match by field. */
final class Matches {
    private final NgramIndex index;
    private final List<BitSet> matched = new ArrayList<>();
    private final List<List<Integer>> segmentsOfTask = new ArrayList<>();
    private final CorpusMatch[][] first;

    Matches(NgramIndex index, int tasks) {
        this.index = index;
        for (int t = 0; t < tasks; t++) {
            segmentsOfTask.add(new ArrayList<>());
        }
        for (int s = 0; s < index.segments().size(); s++) {
            matched.add(new BitSet());
            segmentsOfTask.get(index.segments().get(s).task()).add(s);
        }
        first = new CorpusMatch[tasks][NgramIndex.Field.values().length];
    }

    /** The n-gram at {@code position} of {@code segment} is in the corpus; {@code where} is asked only for a task's first. */
    void hit(int segment, int position, Supplier<CorpusMatch> where) {
        matched.get(segment).set(position);
        NgramIndex.Segment s = index.segments().get(segment);
        CorpusMatch[] firsts = first[s.task()];
        if (firsts[s.field().ordinal()] == null) {
            firsts[s.field().ordinal()] = where.get();
        }
    }

    /** How one field of one task fared. */
    FieldOverlap of(int task, NgramIndex.Field field) {
        int tokens = 0;
        int ngrams = 0;
        int hits = 0;
        for (int s : segmentsOfTask.get(task)) {
            NgramIndex.Segment segment = index.segments().get(s);
            if (segment.field() == field) {
                tokens += segment.tokens().length;
                ngrams += Math.max(0, segment.tokens().length - index.n() + 1);
                hits += matched.get(s).cardinality();
            }
        }
        return new FieldOverlap(tokens, ngrams, hits, first[task][field.ordinal()]);
    }
}

package io.assay.core.results;

import java.util.Arrays;

/**
 * A sum of finite doubles kept exactly and rounded once, when read: the same value, to the last
 * bit, whatever order the terms were added in, which a running {@code double} sum is not. Trials
 * finish in a different order every run, and a sharded run's shards in any order, yet the summary
 * must not change. The exact sum is held as non-overlapping partials (Shewchuk's algorithm, as
 * Python's {@code math.fsum}); a task's scores or a run's per-task means need one or two.
 *
 * <pre>{@code
 * ExactSum sum = new ExactSum();
 * for (int i = 0; i < 10; i++) sum.add(0.1);
 * sum.value(); // 1.0, where adding ten 0.1s gives 0.9999999999999999
 * }</pre>
 */
final class ExactSum {
    /** The exact sum is the sum of these, by increasing magnitude, no two overlapping in their bits. */
    private double[] partials = new double[1];
    private int size;
    /** The infinite and NaN terms' sum: the value, when there is any. */
    private double special;

    void add(double term) {
        if (!Double.isFinite(term)) {
            special += term; // kept out of the partials, which would grow by one with each term after it
            return;
        }
        if (size == 1) {
            // The common case, a sum still held in one double: Knuth's two-sum, without the loop.
            double sum = partials[0] + term;
            double back = sum - term;
            double low = (partials[0] - back) + (term - (sum - back));
            partials[0] = sum;
            if (low != 0.0) {
                if (partials.length == 1) {
                    partials = Arrays.copyOf(partials, 2);
                }
                partials[1] = sum;
                partials[0] = low;
                size = 2;
            }
            return;
        }
        double x = term;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            double y = partials[i];
            if (Math.abs(x) < Math.abs(y)) {
                double swap = x;
                x = y;
                y = swap;
            }
            double high = x + y;
            double low = y - (high - x); // what rounding high lost, exactly
            if (low != 0.0) {
                partials[kept++] = low;
            }
            x = high;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, kept * 2);
        }
        partials[kept] = x;
        size = kept + 1;
    }

    /**
     * Terms whose exact sum is this sum: its partials, and its infinite or NaN part when it has one.
     * Adding them to another sum adds this one to it, exactly (a shard's sums to the run's).
     */
    double[] terms() {
        double[] terms = Arrays.copyOf(partials, size + (special != 0.0 || Double.isNaN(special) ? 1 : 0));
        if (terms.length > size) {
            terms[size] = special;
        }
        return terms;
    }

    /** The exact sum, rounded to the nearest double (ties to even); 0.0, not -0.0, for a sum of zeros. */
    double value() {
        if (special != 0.0 || Double.isNaN(special)) {
            return special;
        }
        if (size < 2) {
            return size == 0 ? 0.0 : partials[0] + 0.0;
        }
        int next = size - 1;
        double high = partials[next];
        double low = 0.0;
        while (next > 0) {
            double x = high;
            double y = partials[--next];
            high = x + y;
            low = y - (high - x);
            if (low != 0.0) {
                break;
            }
        }
        // high + low is the sum to here, exactly; when low is half an ulp of high, the partials left
        // decide which way the tie goes.
        if (next > 0 && (low < 0 && partials[next - 1] < 0 || low > 0 && partials[next - 1] > 0)) {
            double twice = low * 2;
            double rounded = high + twice;
            if (twice == rounded - high) {
                high = rounded;
            }
        }
        return high + 0.0; // -0.0 + 0.0 is 0.0, as a sum of terms that are all zero should read
    }
}

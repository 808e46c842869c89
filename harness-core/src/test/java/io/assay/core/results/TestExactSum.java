package io.assay.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An exact sum is the true sum rounded once, so the order of its terms cannot show. */
class TestExactSum {

    private static double sum(List<Double> terms) {
        ExactSum sum = new ExactSum();
        terms.forEach(sum::add);
        return sum.value();
    }

    @Test
    void isTheTrueSumRoundedOnceWhereARunningSumDrifts() {
        assertThat(sum(Collections.nCopies(10, 0.1))).isEqualTo(1.0); // a running sum: 0.9999999999999999
        assertThat(sum(List.of(1e16, 1.0, -1e16))).isEqualTo(1.0);      // a running sum: 0.0
        assertThat(sum(List.of())).isEqualTo(0.0);
        assertThat(sum(List.of(0.25))).isEqualTo(0.25);
    }

    @Test
    void aTieBetweenTwoDoublesIsDecidedByTheTermsBelowIt() {
        // 1 + 2^-53 is exactly half-way between 1 and the next double: ties go to even (1.0)...
        assertThat(sum(List.of(1.0, Math.scalb(1.0, -53)))).isEqualTo(1.0);
        // ...unless a smaller term puts the true sum above half-way.
        assertThat(sum(List.of(1.0, Math.scalb(1.0, -53), Math.scalb(1.0, -106)))).isEqualTo(Math.nextUp(1.0));
        assertThat(sum(List.of(1.0, 1e-16, 1e-16))).isEqualTo(Math.nextUp(1.0));
        // ...or below it, and the same for negative sums.
        assertThat(sum(List.of(1.0, Math.scalb(1.0, -53), -Math.scalb(1.0, -106)))).isEqualTo(1.0);
        assertThat(sum(List.of(-1.0, -Math.scalb(1.0, -53), -Math.scalb(1.0, -106)))).isEqualTo(Math.nextDown(-1.0));
        assertThat(sum(List.of(-1.0, -Math.scalb(1.0, -53), Math.scalb(1.0, -106)))).isEqualTo(-1.0);
    }

    @Test
    void zerosSumToPositiveZeroAndAnInfiniteOrNaNTermIsTheSum() {
        assertThat(Double.doubleToRawLongBits(sum(List.of(-0.0)))).as("+0.0").isZero();
        assertThat(Double.doubleToRawLongBits(sum(List.of(-0.0, -0.0)))).as("+0.0").isZero();
        assertThat(sum(List.of(0.5, Double.POSITIVE_INFINITY, 0.25))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(sum(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))).isNaN();
        assertThat(sum(List.of(Double.NaN, 1.0))).isNaN();
    }

    @Test
    void anyOrderOfTheSameTermsGivesTheSameBitsTheExactSumRounded() {
        Random random = new Random(7);
        List<Double> terms = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            terms.add(random.nextDouble() * Math.pow(10, random.nextInt(12) - 6));
        }
        double first = sum(terms);
        BigDecimal exact = terms.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(first).as("the exact sum, rounded to nearest").isEqualTo(exact.doubleValue());
        List<Double> naive = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(terms, random);
            assertThat(sum(terms)).as("shuffle %d", round).isEqualTo(first);
            naive.add(terms.stream().reduce(0.0, Double::sum));
        }
        assertThat(naive.stream().distinct().count()).as("a running sum does depend on the order").isGreaterThan(1);
    }
}

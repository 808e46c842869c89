package io.assay.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TestPassAtK {

    @Test
    void passAtKMatchesTheBinomialDefinition() {
        for (int n = 1; n <= 12; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    double expected = 1.0 - ratio(binomial(n - c, k), binomial(n, k));
                    assertThat(PassAtK.passAtK(n, c, k)).as("n=%d c=%d k=%d", n, c, k).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void passHatKMatchesTheBinomialDefinition() {
        for (int n = 1; n <= 12; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    double expected = ratio(binomial(c, k), binomial(n, k));
                    assertThat(PassAtK.passHatK(n, c, k)).as("n=%d c=%d k=%d", n, c, k).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void passAtOneIsThePassFraction() {
        assertThat(PassAtK.passAtK(10, 3, 1)).isCloseTo(0.3, within(1e-12));
        assertThat(PassAtK.passHatK(10, 3, 1)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void staysFiniteForManySamples() {
        assertThat(PassAtK.passAtK(1000, 1, 500)).isCloseTo(0.5, within(1e-9));
        assertThat(PassAtK.passHatK(1000, 999, 500)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void rejectsKLargerThanTheSamples() {
        assertThatThrownBy(() -> PassAtK.passAtK(3, 1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    private static double ratio(BigInteger a, BigInteger b) {
        return new java.math.BigDecimal(a).divide(new java.math.BigDecimal(b), java.math.MathContext.DECIMAL64).doubleValue();
    }
}

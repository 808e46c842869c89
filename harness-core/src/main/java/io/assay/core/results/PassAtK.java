package io.assay.core.results;

/**
 * Unbiased estimators over a task's n graded samples of which c passed.
 *
 * <p>pass@k (Chen et al. 2021, "Evaluating Large Language Models Trained on Code"): the chance
 * that at least one of k samples drawn without replacement passes, {@code 1 - C(n-c,k)/C(n,k)}.
 * pass^k (Yao et al. 2024, tau-bench): the chance that all k pass, {@code C(c,k)/C(n,k)}. Both
 * are computed as running products, which stay exact-enough where binomials would overflow.
 */
public final class PassAtK {

    private PassAtK() {
    }

    /** pass@k for one task; requires {@code k <= n}. */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) {
            return 1.0;
        }
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1.0 - (double) k / i;
        }
        return 1.0 - allFail;
    }

    /** pass^k for one task; requires {@code k <= n}. */
    public static double passHatK(int n, int c, int k) {
        check(n, c, k);
        double allPass = 1.0;
        for (int i = 0; i < k; i++) {
            allPass *= (double) (c - i) / (n - i);
        }
        return Math.max(0.0, allPass);
    }

    private static void check(int n, int c, int k) {
        if (k < 1 || k > n || c < 0 || c > n) {
            throw new IllegalArgumentException("need 1 <= k <= n and 0 <= c <= n, got n=" + n + " c=" + c + " k=" + k);
        }
    }
}

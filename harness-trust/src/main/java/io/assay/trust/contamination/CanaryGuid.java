package io.assay.trust.contamination;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GUID in a suite's canary string ({@code assay-canary:9b2c7e14-5f0a-...}, or BIG-bench's
 * {@code canary GUID 26b5c67b-...}): the part only a model trained on the published files can
 * know, and so the part a canary probe holds back and asks for.
 *
 * <pre>{@code
 * CanaryGuid.in("assay-canary:9b2c7e14-5f0a-4d63-8c19-2e7a4b6d1f53").get().prefix()   // "assay-canary:"
 * }</pre>
 *
 * @param prefix the canary up to the GUID, which the model is shown
 * @param guid the GUID as written
 */
record CanaryGuid(String prefix, String guid) {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F-]+");

    /** The first GUID in {@code canary}, or empty when it has none (then nothing secret is there to ask for). */
    static Optional<CanaryGuid> in(String canary) {
        if (canary == null) {
            return Optional.empty();
        }
        Matcher matcher = GUID.matcher(canary);
        return matcher.find() ? Optional.of(new CanaryGuid(canary.substring(0, matcher.start()), matcher.group()))
                : Optional.empty();
    }

    /**
     * How many of the GUID's hex digits, from its first, {@code reply} reproduces in one run of hex
     * digits and hyphens (hyphens and case ignored): 32 for the whole GUID.
     */
    int digitsReproducedIn(String reply) {
        String digits = hex(guid);
        int best = 0;
        Matcher run = HEX_RUN.matcher(reply);
        while (run.find()) {
            String candidate = hex(run.group());
            // The GUID may start anywhere in a run ("...canary:9b2c..." reads "ca9b2c..." as one run).
            for (int start = 0; start < candidate.length(); start++) {
                int k = 0;
                while (k < digits.length() && start + k < candidate.length() && candidate.charAt(start + k) == digits.charAt(k)) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }

    /** The GUID's hex digits, lower case: 32 of them. */
    int digits() {
        return hex(guid).length();
    }

    private static String hex(String text) {
        return text.replace("-", "").toLowerCase(Locale.ROOT);
    }
}

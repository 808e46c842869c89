package io.assay.core.run;

import io.assay.kit.Plural;
import io.assay.spi.TrialRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The errors of one invocation's unscored trials, by message: one bad key fails every trial alike,
 * and naming the most common error after the run puts its cause on screen. Not thread-safe: the
 * {@link TrialLog} serialises additions.
 */
final class ErrorTally {
    /** Distinct error messages tallied; a run whose every error differs needs no "most common". */
    private static final int MAX_DISTINCT_ERRORS = 1000;
    private static final int MAX_ERROR_LENGTH = 300;

    private final Map<String, Long> errors = new HashMap<>();

    void add(TrialRecord record) {
        if (!record.outcome().scored() && record.error() != null
                && (errors.size() < MAX_DISTINCT_ERRORS || errors.containsKey(record.error()))) {
            errors.merge(record.error(), 1L, Long::sum);
        }
    }

    /** {@code most common error (3 of 5 unscored trials): ...}, or none when no unscored trial had an error. */
    Optional<String> mostCommon() {
        return errors.entrySet().stream().max(Map.Entry.comparingByValue()).map(common -> {
            long total = errors.values().stream().mapToLong(Long::longValue).sum();
            String message = common.getKey().length() <= MAX_ERROR_LENGTH ? common.getKey()
                    : common.getKey().substring(0, MAX_ERROR_LENGTH) + "...";
            return "most common error (" + common.getValue() + " of " + Plural.of(total, "unscored trial") + "): "
                    + message;
        });
    }
}

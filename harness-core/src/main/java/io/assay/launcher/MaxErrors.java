package io.assay.launcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --max-errors N} or {@code --max-errors P%}: how many of the trials one invocation of a run
 * runs may end in errors (harness or judge errors, which are not scored) before the run stops
 * scheduling trials as {@code aborted}. {@code N} allows that many errors and stops at the next;
 * {@code P%} stops once more than P percent of the finished trials are errors, judged only after
 * {@value #RATE_AFTER} trials, since a rate over a handful of trials is mostly noise. A resumed run
 * counts afresh. Written to the manifest as typed ({@code "5"}, {@code "10%"}).
 *
 * @param count the errors allowed, or {@code null} for a percentage
 * @param percent the percentage of errors allowed, below 100, or {@code null} for a count
 */
public record MaxErrors(Long count, BigDecimal percent) {
    /** Finished trials before a percentage is judged. */
    static final int RATE_AFTER = 20;
    private static final Pattern FORMAT = Pattern.compile("(\\d+)|(\\d+(?:\\.\\d+)?)%");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public MaxErrors {
        if ((count == null) == (percent == null)) {
            throw new IllegalArgumentException("a count or a percentage, not both or neither: " + count + ", " + percent);
        }
    }

    /**
     * Reads {@code N} (a whole number, 0 or more) or {@code P%} (0 to below 100).
     *
     * @throws InputException naming the flag and what it expects
     */
    @JsonCreator
    public static MaxErrors parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (m.matches()) {
            if (m.group(1) != null && m.group(1).length() <= 18) {
                return new MaxErrors(Long.parseLong(m.group(1)), null);
            }
            if (m.group(2) != null && new BigDecimal(m.group(2)).compareTo(HUNDRED) < 0) {
                return new MaxErrors(null, new BigDecimal(m.group(2)));
            }
        }
        throw new InputException("--max-errors expects a number of errors (0 or more) or a percentage below 100%,"
                + " got '" + text + "'", "for example --max-errors 5 or --max-errors 10%");
    }

    /** Whether {@code errors} of {@code finished} trials go past the limit. */
    public boolean exceeded(long errors, long finished) {
        if (count != null) {
            return errors > count;
        }
        return finished >= RATE_AFTER && BigDecimal.valueOf(errors).multiply(HUNDRED)
                .compareTo(percent.multiply(BigDecimal.valueOf(finished))) > 0;
    }

    /** Why a run with {@code errors} of {@code finished} trials stopped. */
    public String reason(long errors, long finished) {
        String share = count != null ? ""
                : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * errors / finished);
        return errors + " of " + finished + " trials" + share + " ended in harness or judge errors, more than --max-errors "
                + this + " allows";
    }

    @JsonValue
    @Override
    public String toString() {
        return count != null ? count.toString() : percent.toPlainString() + "%";
    }
}

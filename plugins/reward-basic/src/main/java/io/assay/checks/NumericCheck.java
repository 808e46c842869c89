package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Passes when the number in the answer is within tolerance of the expected number:
 * {@code |got - expected| <= max(abs_tol, rel_tol * |expected|)}, in exact decimal arithmetic, so
 * with no tolerance 1000, 1000.0 and 1,000 are all equal and 0.1 + 0.2 style rounding never occurs.
 *
 * @param absoluteTolerance {@code abs_tol}, at least 0
 * @param relativeTolerance {@code rel_tol}, at least 0, relative to |expected|
 * @param extraction how the number is taken from the answer
 */
record NumericCheck(BigDecimal absoluteTolerance, BigDecimal relativeTolerance, Extraction extraction)
        implements RewardCheck {

    /** The values of the {@code extract} option. */
    enum Extraction {
        /** The whole answer must be one number. */
        STRICT,
        /** The final number of a longer reply, unless a negation comes right before it. */
        LAST;

        String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public RewardResult check(Task task, AgentOutput output) {
        BigDecimal expected = expected(task);
        BigDecimal tolerance = absoluteTolerance.max(relativeTolerance.multiply(expected.abs()));
        String got = CheckText.quote(output.answer());

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expected", task.answer());
        evidence.put("got", CheckText.evidence(output.answer()));
        evidence.put("extract", extraction.optionName());
        evidence.put("tolerance", tolerance);

        Optional<NumberReader.Found> read = extraction == Extraction.STRICT
                ? NumberReader.whole(output.answer())
                : NumberReader.last(output.answer());
        if (read.isEmpty()) {
            return RewardResult.fail((extraction == Extraction.STRICT
                    ? "answer " + got + " is not a single number"
                    : "answer " + got + " contains no number")
                    + "; expected " + expected.toPlainString()).withEvidence(evidence);
        }
        NumberReader.Found found = read.get();
        evidence.put("extracted", found.text());
        evidence.put("normalized_expected", expected);
        evidence.put("normalized_got", found.value());
        if (found.negated()) {
            evidence.put("negated", true);
            return RewardResult.fail("the last number " + found.value().toPlainString() + " in answer " + got
                    + " is negated; expected " + expected.toPlainString()).withEvidence(evidence);
        }
        BigDecimal difference = found.value().subtract(expected).abs();
        evidence.put("difference", difference);
        String compared = "got " + found.value().toPlainString()
                + (extraction == Extraction.LAST ? " (last number in " + got + ")" : "")
                + " vs expected " + expected.toPlainString();
        if (difference.compareTo(tolerance) <= 0) {
            return RewardResult.pass(compared + (tolerance.signum() == 0 ? ": equal"
                    : ": within tolerance " + tolerance.toPlainString())).withEvidence(evidence);
        }
        return RewardResult.fail(compared + ": differs by " + difference.toPlainString()
                + ", more than tolerance " + tolerance.toPlainString()).withEvidence(evidence);
    }

    private static BigDecimal expected(Task task) {
        Optional<BigDecimal> value = switch (task.answer()) {
            case Number number -> GroundTruth.decimal(number);
            case String text -> NumberReader.whole(text).map(NumberReader.Found::value);
            case null, default -> Optional.empty();
        };
        return value.orElseThrow(() -> GroundTruth.error("numeric", task,
                "the answer must be a number or a numeric string, got " + Options.describe(task.answer())));
    }
}

package io.assay.checks;

import io.assay.checks.NumericCheck.Extraction;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.TreeSet;

/** {@code {type: numeric, abs_tol: 0, rel_tol: 0, extract: strict}}. */
final class NumericCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "numeric";
    }

    @Override
    public String description() {
        return "the number in the answer equals the expected number, within abs_tol / rel_tol";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "abs_tol", "rel_tol", "extract");
        return new NumericCheck(tolerance(options, "abs_tol"), tolerance(options, "rel_tol"), extraction(options));
    }

    private static BigDecimal tolerance(Options options, String key) {
        double value = options.number(key, 0);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidOptionException(options.field(key), "expected a finite number >= 0, got " + Options.describe(options.get(key)));
        }
        // From the written form, so 0.01 stays exactly 0.01 rather than its nearest double.
        return options.has(key) ? new BigDecimal(options.get(key).toString()) : BigDecimal.ZERO;
    }

    private static Extraction extraction(Options options) {
        String name = options.string("extract", Extraction.STRICT.optionName());
        return Arrays.stream(Extraction.values())
                .filter(extraction -> extraction.optionName().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidOptionException(options.field("extract"), "expected one of "
                        + new TreeSet<>(Arrays.stream(Extraction.values()).map(Extraction::optionName).toList())
                        + ", got " + Options.describe(name)));
    }
}

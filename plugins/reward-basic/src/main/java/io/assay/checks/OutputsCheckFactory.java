package io.assay.checks;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/** {@code {type: outputs, case_sensitive: false}}, or {@code {type: outputs, match: tau}} for tau-bench's rule. */
final class OutputsCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "outputs";
    }

    @Override
    public String description() {
        return "each of the task's answer.outputs occurs in what the agent told the user (tool environments)";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "case_sensitive", "match");
        String match = options.string("match", "assay");
        if (!match.equals("assay") && !match.equals("tau")) {
            throw new InvalidOptionException(options.field("match"), "expected assay or tau, got " + Options.describe(match));
        }
        if (match.equals("tau") && options.has("case_sensitive")) {
            throw new InvalidOptionException(options.field("case_sensitive"), "tau's rule always ignores case; remove it");
        }
        return new OutputsCheck(options.bool("case_sensitive", false), match.equals("tau"));
    }
}

package io.assay.checks;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/** {@code {type: outputs, case_sensitive: false}}. */
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
        options.allowOnly("type", "case_sensitive");
        return new OutputsCheck(options.bool("case_sensitive", false));
    }
}

package io.assay.checks;

import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;

/** {@code {type: actions}}: the agent made each of the task's gold tool calls. */
final class ActionsCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public String description() {
        return "the agent made each of the task's answer.actions, same tool and arguments (tool environments)";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type");
        return new ActionsCheck();
    }
}

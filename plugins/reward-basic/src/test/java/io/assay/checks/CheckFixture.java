package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates checks the way the core does: a spec at {@code reward} goes to the factory its
 * {@code type} names, and combinators resolve nested specs through the same context.
 */
final class CheckFixture implements RewardCheckFactory.Context {
    private static final CheckFixture CONTEXT = new CheckFixture();

    private final Map<String, RewardCheckFactory> factories = new BasicChecksPlugin().rewardChecks().stream()
            .collect(Collectors.toMap(RewardCheckFactory::name, Function.identity()));

    @Override
    public RewardCheck create(Options spec) {
        String type = spec.string("type");
        RewardCheckFactory factory = factories.get(type);
        if (factory == null) {
            throw new InvalidOptionException(spec.field("type"), "unknown reward check '" + type + "'");
        }
        return factory.create(spec, this);
    }

    /** The check for a suite's {@code reward:} spec, so errors name fields like {@code reward.pattern}. */
    static RewardCheck check(Map<String, Object> spec) {
        return CONTEXT.create(new Options("reward", spec));
    }

    /** Grades {@code answer} for a task whose ground truth is {@code expected}. */
    static RewardResult grade(Map<String, Object> spec, Object expected, String answer) {
        return gradeAnswer(check(spec), task(expected), AgentOutput.of(answer));
    }

    /** Grades as the harness does outside a trial: the answer alone, without an environment. */
    static RewardResult gradeAnswer(RewardCheck check, Task task, AgentOutput output) {
        try {
            return check.check(task, output, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while grading", e);
        }
    }

    static Task task(Object expected) {
        return new Task("task-7", "the question", expected, expected, Map.of(), null);
    }
}

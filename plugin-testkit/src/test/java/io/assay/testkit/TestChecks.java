package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AssayPlugin;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestChecks {
    private static final Task TASK = TaskBuilder.task("q1").answer("Paris").build();

    /** Passes an answer that contains the task's answer. */
    static final class ContainsFactory implements RewardCheckFactory {
        @Override
        public String name() {
            return "contains";
        }

        @Override
        public RewardCheck create(Options options, Context context) {
            options.allowOnly("type");
            return (task, output, environment) -> output.answer().contains(String.valueOf(task.answer()))
                    ? RewardResult.pass("contains it") : RewardResult.fail("does not contain it");
        }
    }

    /** Inverts the check it holds, created through the context. */
    static final class NotFactory implements RewardCheckFactory {
        @Override
        public String name() {
            return "not";
        }

        @Override
        public RewardCheck create(Options options, Context context) {
            options.allowOnly("type", "check");
            RewardCheck inner = context.create(options.object("check"));
            return (task, output, environment) -> inner.check(task, output, environment).passed()
                    ? RewardResult.fail("inner check passed") : RewardResult.pass("inner check failed");
        }
    }

    static final class Plugin implements AssayPlugin {
        @Override
        public List<RewardCheckFactory> rewardChecks() {
            return List.of(new ContainsFactory(), new NotFactory());
        }
    }

    @Test
    void createsTheCheckThatTheSpecTypeNames() throws Exception {
        RewardCheck contains = Checks.of(new Plugin()).create(Specs.reward("contains"));

        assertThat(Grade.answer(contains, TASK, "It is Paris.").passed()).isTrue();
        assertThat(Grade.answer(contains, TASK, "Lyon").passed()).isFalse();
    }

    @Test
    void combinatorsCreateTheirNestedChecksThroughTheSameContext() throws Exception {
        RewardCheck notContains = Checks.of(new Plugin()).create(Specs.reward("not", "check", Map.of("type", "contains")));

        assertThat(Grade.answer(notContains, TASK, "Lyon").passed()).isTrue();
    }

    @Test
    void anUnknownTypeIsAnErrorOnTheTypeFieldListingTheKnownChecks() {
        Checks checks = Checks.of(new ContainsFactory());

        assertThatThrownBy(() -> checks.create(Specs.reward("not", "check", Map.of("type", "contains"))))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.field()).isEqualTo("reward.type"))
                .hasMessage("reward.type: unknown reward check 'not'; available: contains");
    }

    @Test
    void theFactoriesOwnValidationReachesTheTest() {
        assertThatThrownBy(() -> Checks.of(new Plugin()).create(Specs.reward("contains", "ignore_case", true)))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.ignore_case"));
    }

    @Test
    void twoChecksOfOneNameAreRejected() {
        assertThatThrownBy(() -> Checks.of(new Plugin(), new Plugin()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reward check 'contains' is given twice");
    }
}

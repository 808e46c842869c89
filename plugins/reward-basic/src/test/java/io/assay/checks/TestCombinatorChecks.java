package io.assay.checks;

import static io.assay.checks.CheckFixture.check;
import static io.assay.checks.CheckFixture.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.RewardResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCombinatorChecks {
    private static final Map<String, Object> EXACT = Map.of("type", "exact");
    private static final Map<String, Object> NUMERIC = Map.of("type", "numeric");
    private static final Map<String, Object> CONTAINS = Map.of("type", "contains");

    private static Map<String, Object> weighted(double weightOfExact, double weightOfContains, Object threshold) {
        List<Object> checks = List.of(Map.of("check", EXACT, "weight", weightOfExact),
                Map.of("check", CONTAINS, "weight", weightOfContains));
        return threshold == null
                ? Map.of("type", "weighted", "checks", checks)
                : Map.of("type", "weighted", "checks", checks, "threshold", threshold);
    }

    @Test
    void allPassesWhenEveryChildPasses() {
        RewardResult result = grade(Map.of("type", "all", "checks", List.of(EXACT, NUMERIC)), 42, "42");

        assertThat(result.passed()).isTrue();
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.explanation()).isEqualTo("all 2 checks passed: checks[0] (exact), checks[1] (numeric)");
    }

    @Test
    void allFailsOnAnyFailureAndNamesIt() {
        RewardResult result = grade(Map.of("type", "all", "checks", List.of(CONTAINS, EXACT)), 42, "It is 42");

        assertThat(result.passed()).isFalse();
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.explanation())
                .startsWith("1 of 2 checks passed (all required); failed checks[1] (exact): answer \"It is 42\"");
    }

    @Test
    void allScoresTheLowestChildScore() {
        Map<String, Object> half = weighted(1, 1, null);
        RewardResult result = grade(Map.of("type", "all", "checks", List.of(CONTAINS, half)), "Paris", "Paris!");

        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void anyPassesOnOneChildAndScoresTheHighest() {
        RewardResult result = grade(Map.of("type", "any", "checks", List.of(EXACT, CONTAINS)), "Paris", "in Paris");

        assertThat(result.passed()).isTrue();
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.explanation()).startsWith("1 of 2 checks passed (one required); passed checks[1] (contains)");
    }

    @Test
    void anyFailsWhenNoChildPasses() {
        RewardResult result = grade(Map.of("type", "any", "checks", List.of(EXACT, CONTAINS)), "Paris", "Lyon");

        assertThat(result.passed()).isFalse();
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.explanation()).startsWith("0 of 2 checks passed (one required); failed checks[0] (exact)");
    }

    @Test
    void evidenceListsEveryChild() {
        RewardResult result = grade(Map.of("type", "any", "checks", List.of(EXACT, CONTAINS)), "Paris", "in Paris");

        assertThat((List<?>) result.evidence().get("checks")).hasSize(2).first()
                .isInstanceOfSatisfying(Map.class, entry -> assertThat(entry)
                        .containsEntry("check", "checks[0] (exact)")
                        .containsEntry("score", 0.0)
                        .containsEntry("passed", false)
                        .containsKeys("explanation", "evidence"));
    }

    @Test
    void weightedScoresTheWeightedMean() {
        RewardResult result = grade(weighted(1, 3, null), "Paris", "in Paris");

        assertThat(result.score()).isEqualTo(0.75);
        assertThat(result.passed()).as("default threshold is 1.0").isFalse();
        assertThat(result.explanation())
                .isEqualTo("weighted score 0.75 is below threshold 1.0 over 2 checks; checks[0] (exact) scored 0.0");
        assertThat((List<?>) result.evidence().get("checks")).first()
                .isInstanceOfSatisfying(Map.class, entry -> assertThat(entry).containsEntry("weight", 1.0));
    }

    @Test
    void weightedPassesAtTheThreshold() {
        assertThat(grade(weighted(1, 3, 0.75), "Paris", "in Paris").passed()).isTrue();
        assertThat(grade(weighted(1, 3, 0.8), "Paris", "in Paris").passed()).isFalse();
        assertThat(grade(weighted(0.1, 0.2, null), "Paris", "Paris").passed()).isTrue();
    }

    @Test
    void combinatorsNest() {
        Map<String, Object> spec = Map.of("type", "any", "checks", List.of(
                Map.of("type", "all", "checks", List.of(CONTAINS, NUMERIC)),
                Map.of("type", "regex", "pattern", "^forty-two$")));

        assertThat(grade(spec, 42, "forty-two").passed()).isTrue();
        assertThat(grade(spec, 42, "42").passed()).isTrue();
        assertThat(grade(spec, 42, "about 42").passed()).isFalse();
    }

    @Test
    void nestedOptionErrorsCarryTheirPath() {
        assertThatThrownBy(() -> check(Map.of("type", "all", "checks",
                List.of(EXACT, Map.of("type", "regex", "pattern", "(")))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[1].pattern"));
        assertThatThrownBy(() -> check(Map.of("type", "any", "checks", List.of(Map.of("type", "fuzzy")))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[0].type"));
        assertThatThrownBy(() -> check(Map.of("type", "all", "checks", List.of())))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks"));
        assertThatThrownBy(() -> check(Map.of("type", "any", "checks", List.of("exact"))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[0]"));
    }

    @Test
    void weightedValidatesItsItems() {
        assertThatThrownBy(() -> check(Map.of("type", "weighted", "checks",
                List.of(Map.of("check", EXACT, "weight", 0)))))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("reward.checks[0].weight");
                    assertThat(e.getMessage()).contains("positive");
                });
        assertThatThrownBy(() -> check(Map.of("type", "weighted", "checks", List.of(Map.of("check", EXACT)))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[0].weight"));
        assertThatThrownBy(() -> check(Map.of("type", "weighted", "checks", List.of(Map.of("weight", 1)))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[0].check"));
        assertThatThrownBy(() -> check(Map.of("type", "weighted", "checks",
                List.of(Map.of("check", EXACT, "wieght", 1)))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[0].wieght"));
        assertThatThrownBy(() -> check(Map.of("type", "weighted", "checks",
                List.of(Map.of("check", Map.of("type", "numeric", "abs_tol", -1), "weight", 1)))))
                .isInstanceOfSatisfying(InvalidOptionException.class,
                        e -> assertThat(e.field()).isEqualTo("reward.checks[0].check.abs_tol"));
    }

    @Test
    void weightedThresholdMustBeAPositiveFraction() {
        for (Object bad : List.of(0, 1.5, -0.2, "high")) {
            assertThatThrownBy(() -> check(weighted(1, 1, bad)))
                    .isInstanceOfSatisfying(InvalidOptionException.class,
                            e -> assertThat(e.field()).isEqualTo("reward.threshold"));
        }
    }
}

package io.assay.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A finding's and a reward's evidence read the same in every run, whatever map their plugin built it with. */
class TestEvidence {

    private static Finding withEvidence(Map<String, Object> evidence) {
        return new Finding("probe", List.of("T.10"), Finding.Severity.INFO, null, "message", evidence);
    }

    @Test
    void evidenceWithoutAnOrderOfItsOwnIsInTheOrderOfItsKeysNestedMapsAndSetsToo() {
        Finding finding = withEvidence(Map.of("tasks", 7, "passed", 3, "agent", "empty",
                "counts", Map.of("timeout", 1, "error", 2, "completed", 4), "ids", Set.of("q9", "q1", "q5")));

        assertThat(finding.evidence().keySet()).containsExactly("agent", "counts", "ids", "passed", "tasks");
        assertThat(List.copyOf(((Map<?, ?>) finding.evidence().get("counts")).keySet())).isEqualTo(List.of("completed", "error", "timeout"));
        assertThat(List.copyOf((Set<?>) finding.evidence().get("ids"))).isEqualTo(List.of("q1", "q5", "q9"));
    }

    @Test
    void evidenceThatKeepsAnOrderKeepsItsOwn() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("reply", "The answer is 42.");
        ordered.put("expected", "42");
        ordered.put("steps", List.of(Map.of("z", 1, "a", 2, "m", 3, "c", 4, "x", 5, "b", 6)));
        ordered.put("seen", new LinkedHashSet<>(List.of("q9", "q1")));

        Finding finding = withEvidence(ordered);

        assertThat(finding.evidence().keySet()).containsExactly("reply", "expected", "steps", "seen");
        assertThat(List.copyOf(((Map<?, ?>) ((List<?>) finding.evidence().get("steps")).getFirst()).keySet()))
                .isEqualTo(List.of("a", "b", "c", "m", "x", "z"));
        assertThat(List.copyOf((Set<?>) finding.evidence().get("seen"))).as("a set's own order").isEqualTo(List.of("q9", "q1"));
        Finding again = new Finding("other", List.of("T.10"), Finding.Severity.INFO, null, "message", finding.evidence());
        assertThat(again.evidence().keySet()).as("evidence handed on keeps its order").containsExactly("reply", "expected", "steps", "seen");
    }

    @Test
    void aRewardsEvidenceIsInTheSameStableOrder() {
        RewardResult reward = new RewardResult(1.0, true, "ok", Map.of("rewards", Map.of("b", 1, "a", 0), "exit_code", 0,
                "output_tail", "", "image", Map.of("tag", "t", "id", "sha256:1")));

        assertThat(List.copyOf(reward.evidence().keySet())).isEqualTo(List.of("exit_code", "image", "output_tail", "rewards"));
        assertThat(List.copyOf(((Map<?, ?>) reward.evidence().get("image")).keySet())).isEqualTo(List.of("id", "tag"));
        RewardResult composite = new RewardResult(1.0, true, "all", Map.of("children", List.of(reward.evidence())));
        Map<?, ?> child = (Map<?, ?>) ((List<?>) composite.evidence().get("children")).getFirst();
        assertThat(List.copyOf(child.keySet())).isEqualTo(List.of("exit_code", "image", "output_tail", "rewards"));
    }
}

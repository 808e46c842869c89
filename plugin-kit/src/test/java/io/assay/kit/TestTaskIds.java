package io.assay.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Task ids in reading order: numbers by value first, then the rest as text. */
class TestTaskIds {

    @Test
    void numbersByValueComeBeforeTextInTextOrder() {
        List<String> ids = new ArrayList<>(List.of("q10", "12", "q2", "2", "1a", "q1", "007", "99999999999999999999"));

        ids.sort(TaskIds.ORDER);

        assertThat(ids).containsExactly("2", "007", "12", "1a", "99999999999999999999", "q1", "q10", "q2");
    }

    @Test
    void theOrderIsTransitiveSoSortingMixedIdsNeverFails() {
        // "2" < "12" by value, "12" < "1a" and "1a" < "2" as text would be a cycle, which TimSort rejects
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(String.valueOf(i));
            ids.add(i + "a");
        }
        Collections.shuffle(ids, new Random(14));

        ids.sort(TaskIds.ORDER);

        assertThat(ids.subList(0, 3)).containsExactly("0", "1", "2");
        assertThat(ids.get(1_999)).isEqualTo("1999");
        assertThat(ids.get(2_000)).isEqualTo("0a");
    }
}

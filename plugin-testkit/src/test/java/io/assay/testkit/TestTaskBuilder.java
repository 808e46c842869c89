package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTaskBuilder {

    @Test
    void unnamedPartsAreWhatASuiteFileLeavingThemOutGives() {
        assertThat(TaskBuilder.task("q1").build()).isEqualTo(new Task("q1", "", null, null, Map.of(), null, List.of()));
    }

    @Test
    void theSolutionIsTheAnswerUnlessGiven() {
        assertThat(TaskBuilder.task("q1").answer("Paris").build().solution()).isEqualTo("Paris");
        assertThat(TaskBuilder.task("q1").answer("Paris").solution("The capital is Paris.").build().solution())
                .isEqualTo("The capital is Paris.");
        assertThat(TaskBuilder.task("q1").solution(null).answer("Paris").build().solution()).isNull();
    }

    @Test
    void everyPartCanBeNamed() {
        Task task = TaskBuilder.task("refund").prompt("Refund order 7.").answer(Map.of("actions", List.of("refund")))
                .metadata("domain", "retail").metadata("difficulty", 2).reward(Specs.reward("state"))
                .userTurns(List.of("It was broken.", "Thanks.")).build();

        assertThat(task).isEqualTo(new Task("refund", "Refund order 7.", Map.of("actions", List.of("refund")),
                Map.of("actions", List.of("refund")), Map.of("domain", "retail", "difficulty", 2),
                Specs.reward("state"), List.of("It was broken.", "Thanks.")));
        assertThat(task.metadata().keySet()).containsExactly("domain", "difficulty");
    }
}

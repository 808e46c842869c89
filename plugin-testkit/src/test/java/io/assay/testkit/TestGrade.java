package io.assay.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestGrade {
    private static final Task TASK = TaskBuilder.task("q1").answer("4").build();

    /** Reports what it was given: the answer, the trace's length and whether a session was open. */
    private static final class Reporting implements RewardCheck {
        @Override
        public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
            return RewardResult.pass(environment
                    .map(session -> output.answer() + " in " + session.transcript().getFirst().kind())
                    .orElse(output.answer() + " with " + output.trace().size() + " steps, no session"));
        }
    }

    /** Grades the environment's end state, so it cannot grade a bare answer. */
    private static final class EndState implements RewardCheck {
        @Override
        public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
            return RewardResult.pass("end state of " + environment.orElseThrow().transcript().size() + " steps");
        }

        @Override
        public Grades grades() {
            return Grades.END_STATE;
        }
    }

    @Test
    void gradesABareAnswerOutsideATrial() throws Exception {
        assertThat(Grade.answer(new Reporting(), TASK, "4").explanation()).isEqualTo("4 with 0 steps, no session");
    }

    @Test
    void gradesAWholeOutputWithItsTrace() throws Exception {
        AgentOutput output = new AgentOutput("4", List.of(TraceStep.note("added"), TraceStep.note("checked")));

        assertThat(Grade.output(new Reporting(), TASK, output).explanation()).isEqualTo("4 with 2 steps, no session");
    }

    @Test
    void refusesToGradeAnEndStateCheckOutsideATrial() {
        assertThatThrownBy(() -> Grade.answer(new EndState(), TASK, "4")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Grade.inSession");
    }

    @Test
    void gradesWithTheSessionOpen() throws Exception {
        EnvironmentSession session = new EnvironmentSession() {
            @Override
            public List<TraceStep> transcript() {
                return List.of(new TraceStep("tool_call", Map.of()));
            }

            @Override
            public void close() {
            }
        };

        assertThat(Grade.inSession(new Reporting(), TASK, AgentOutput.of("4"), session).explanation())
                .isEqualTo("4 in tool_call");
    }
}

package io.assay.tau.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidSuiteException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPythonLiterals {
    private static final Path FILE = Path.of("tasks_test.py");

    private static List<PythonLiterals.Call> read(String source) {
        return PythonLiterals.assignedList(source, FILE);
    }

    @Test
    void readsCallsWithNestedLiteralsAsData() {
        List<PythonLiterals.Call> calls = read("""
                from tau_bench.types import Action, Task

                TASKS = [
                    Task(
                        user_id="mia_li_3668",  # a comment
                        instruction="You are 'Mia'. " "She says \\"hi\\"\\n",
                        actions=[Action(name="book", kwargs={"n": 3, "price": 54.04, "ok": True, "x": None,
                                                             "pair": (1, -2), "list": [],})],
                        outputs=[],
                    ),
                ]
                """);

        assertThat(calls).singleElement().satisfies(task -> {
            assertThat(task.function()).isEqualTo("Task");
            assertThat(task.line()).isEqualTo(4);
            assertThat(task.arguments()).containsEntry("instruction", "You are 'Mia'. She says \"hi\"\n")
                    .containsEntry("outputs", List.of());
            PythonLiterals.Call action = (PythonLiterals.Call) ((List<?>) task.arguments().get("actions")).getFirst();
            Map<?, ?> kwargs = (Map<?, ?>) action.arguments().get("kwargs");
            assertThat(kwargs.keySet().stream().map(String::valueOf).toList()).containsExactly("n", "price", "ok", "x", "pair", "list");
            assertThat(kwargs.get("n")).isEqualTo(3);
            assertThat(kwargs.get("price")).isEqualTo(54.04);
            assertThat(kwargs.get("ok")).isEqualTo(true);
            assertThat(kwargs.get("x")).isNull();
            assertThat(kwargs.get("pair")).isEqualTo(List.of(1, -2));
            assertThat(kwargs.get("list")).isEqualTo(List.of());
        });
    }

    @Test
    void codeThatIsNotALiteralIsAnErrorOnItsLine() {
        assertThatThrownBy(() -> read("TASKS = [\n    Task(user_id=base + \"x\"),\n]\n"))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("tasks_test.py:2").hasMessageContaining("only calls with keyword arguments");
    }

    @Test
    void anUnterminatedStringNamesTheLineItStarts() {
        assertThatThrownBy(() -> read("TASKS = [\n    Task(instruction=\"never closed\n    ),\n]\n"))
                .isInstanceOf(InvalidSuiteException.class)
                .hasMessageContaining("tasks_test.py:2").hasMessageContaining("unterminated string");
    }

    @Test
    void aListOfSomethingOtherThanCallsIsRefused() {
        assertThatThrownBy(() -> read("TASKS = [1, 2]\n")).hasMessageContaining("call such as Task(...)");
    }
}

package io.assay.tau.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.tools.ToolException;
import org.junit.jupiter.api.Test;

/** Expected values and messages are CPython 3.11's for {@code float(eval(expression))}. */
class TestPythonArithmetic {

    @Test
    void evaluatesWithPythonsIntAndFloatRules() {
        assertThat(PythonArithmetic.evaluate("7 // -2")).isEqualTo(-4.0);
        assertThat(PythonArithmetic.evaluate("-7.5 // 2")).isEqualTo(-4.0);
        assertThat(PythonArithmetic.evaluate("2 ** -1")).isEqualTo(0.5);
        assertThat(PythonArithmetic.evaluate("2 ** 2 ** 3")).isEqualTo(256.0);
        assertThat(PythonArithmetic.evaluate("-2 ** 2")).isEqualTo(-4.0);
        assertThat(PythonArithmetic.evaluate("2 ** 60000 - 2 ** 60000")).isEqualTo(0.0);
        assertThat(PythonFloat.repr(PythonArithmetic.evaluate("0 * -1.5"))).isEqualTo("-0.0");
        assertThat(PythonFloat.repr(PythonArithmetic.evaluate("0 * -1.5 - 0"))).isEqualTo("-0.0");
        assertThat(PythonArithmetic.evaluate("00")).isEqualTo(0.0);
    }

    @Test
    void floorDividesFloatsFromTheRemainderAsPythonDoes() {
        assertThat(PythonArithmetic.evaluate("1 // 0.1")).isEqualTo(9.0);
        assertThat(PythonArithmetic.evaluate("54.532 // 0.001 ** 2")).isEqualTo(54531999.0);
        assertThat(PythonFloat.repr(PythonArithmetic.evaluate("0 / -98"))).isEqualTo("-0.0");
    }

    @Test
    void parenthesesNestAsDeepAsPythonsTokenizerAllows() {
        assertThat(PythonArithmetic.evaluate("(".repeat(200) + "1" + ")".repeat(200))).isEqualTo(1.0);
        assertThatThrownBy(() -> PythonArithmetic.evaluate("(".repeat(201) + "1" + ")".repeat(201)))
                .isInstanceOf(ToolException.class).hasMessage("too many nested parentheses (<string>, line 1)");
    }

    @Test
    void failsWithPythonsMessages() {
        assertRefused("()", "float() argument must be a string or a real number, not 'tuple'");
        assertRefused("(1", "'(' was never closed (<string>, line 1)");
        assertRefused("1 2", "invalid syntax (<string>, line 1)");
        assertRefused("01", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
                + "octal integers (<string>, line 1)");
        assertRefused("(-8) ** 0.5", "float() argument must be a string or a real number, not 'complex'");
        assertRefused("0 ** -1", "0.0 cannot be raised to a negative power");
        assertRefused("10 ** 400", "int too large to convert to float");
        assertRefused("1 // 0", "integer division or modulo by zero");
        assertRefused("1.5 / 0", "float division by zero");
    }

    private static void assertRefused(String expression, String message) {
        assertThatThrownBy(() -> PythonArithmetic.evaluate(expression)).as(expression)
                .isInstanceOf(ToolException.class).hasMessage(message);
    }
}

package io.assay.tau.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected texts are CPython 3.11's {@code repr} and {@code round(x, 2)}. */
class TestPythonFloat {

    @Test
    void reprUsesPythonsLayout() {
        assertThat(PythonFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloat.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonFloat.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonFloat.repr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonFloat.repr(61)).isEqualTo("61.0");
        assertThat(PythonFloat.repr(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void roundsTheExactBinaryValueHalfToEven() {
        assertThat(PythonFloat.repr(PythonFloat.round2(2.675))).isEqualTo("2.67");
        assertThat(PythonFloat.repr(PythonFloat.round2(0.125))).isEqualTo("0.12");
        assertThat(PythonFloat.repr(PythonFloat.round2(0.375))).isEqualTo("0.38");
        assertThat(PythonFloat.repr(PythonFloat.round2(-0.001))).isEqualTo("-0.0");
    }

    @Test
    void nodesCarryAFloatsDigits() {
        assertThat(PythonFloat.node(2.84 - 0.0000000000000037).toString()).isEqualTo("2.8399999999999963");
        assertThat(PythonFloat.node(new BigDecimal("150")).toString()).isEqualTo("150.0");
        assertThat(PythonFloat.node(new BigDecimal("150.50")).toString()).isEqualTo("150.5");
    }
}

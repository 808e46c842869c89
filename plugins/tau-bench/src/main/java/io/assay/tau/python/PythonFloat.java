package io.assay.tau.python;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's {@code float} as upstream prints and rounds it. States and tool results carry the
 * digits Python would print ({@code 61.0}, {@code 2.8399999999999963}, {@code 1e+16}), because
 * tau-bench's state hashes and the agent's view are made of that text.
 *
 * <pre>{@code
 * PythonFloat.repr(PythonFloat.round2(10.0 / 3));   // "3.33"
 * }</pre>
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** Python's {@code round(x, 2)}: half to even on the double's exact binary value, keeping the sign of zero. */
    public static double round2(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        double rounded = new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
        return rounded == 0 ? Math.copySign(0.0, value) : rounded;
    }

    /** Python's {@code repr(float)}: the shortest digits that read back as the same double, in Python's layout. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** A finite double as a JSON number with the digits of its {@code repr}: {@code 61.0}, {@code 2.8399999999999963}. */
    public static DecimalNode node(double value) {
        return node(shortest(value));
    }

    /**
     * A decimal written as Python writes a float of that value, with at least one decimal place
     * ({@code 150.0}), so that a JSON reader and a hash both see a float, not an int.
     */
    public static DecimalNode node(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return DecimalNode.valueOf(stripped.scale() < 1 ? stripped.setScale(1) : stripped);
    }

    /** Java's {@code Double.toString} gives the shortest digits that read back as the same double, as Python's repr does. */
    private static BigDecimal shortest(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }
}

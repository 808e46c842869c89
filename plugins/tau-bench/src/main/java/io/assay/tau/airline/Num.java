package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.assay.tau.python.PythonFloat;
import java.math.BigDecimal;

/**
 * A number as upstream's Python holds it: an exact value and whether it is an {@code int} (an int
 * with an int stays an int; anything with a float is a float). tau-bench's state hash prints
 * numbers, so {@code 78} and {@code 78.0} differ there, and here too.
 *
 * @param value the exact value; money is computed in {@link BigDecimal}, never in binary floating point
 * @param integral whether Python would hold it as an {@code int}
 */
record Num(BigDecimal value, boolean integral) {
    static final Num ZERO = integer(0);

    static Num integer(long value) {
        return new Num(BigDecimal.valueOf(value), true);
    }

    /** A JSON number; {@code null} when the node is no number. */
    static Num of(JsonNode node) {
        return node != null && node.isNumber() ? new Num(node.decimalValue(), node.isIntegralNumber()) : null;
    }

    Num plus(Num other) {
        return new Num(value.add(other.value), integral && other.integral);
    }

    Num minus(Num other) {
        return new Num(value.subtract(other.value), integral && other.integral);
    }

    Num times(long factor) {
        return new Num(value.multiply(BigDecimal.valueOf(factor)), integral);
    }

    Num negate() {
        return new Num(value.negate(), integral);
    }

    int compareTo(Num other) {
        return value.compareTo(other.value);
    }

    boolean isWhole() {
        return value.stripTrailingZeros().scale() <= 0;
    }

    /** Python's {@code max(0, x)}: the int 0 unless x is larger. */
    Num atLeastZero() {
        return value.signum() > 0 ? this : ZERO;
    }

    /** As tau-bench keeps it: an int as an integer node, a float with at least one decimal ({@code 78.0}). */
    JsonNode typedNode() {
        return integral && isWhole() ? wholeNode() : PythonFloat.node(value);
    }

    /**
     * As tau2-bench's models keep it, by value: pydantic coerces each field to one type, so two
     * equal values are always written alike; a whole number is an integer node.
     */
    JsonNode valueNode() {
        return isWhole() ? wholeNode() : PythonFloat.node(value);
    }

    /** How Python prints it: {@code 150}, {@code 150.0}, {@code 150.5}. */
    String text() {
        return typedNode().asText();
    }

    private JsonNode wholeNode() {
        long whole = value.longValueExact();
        return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
    }
}

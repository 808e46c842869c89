package io.assay.tau.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import io.assay.tau.python.PythonFloat;

/**
 * Money as upstream's Python computes it: JSON numbers are Python {@code int}s or {@code float}s,
 * sums of floats are IEEE doubles, and {@code round(x, 2)} rounds the double's exact binary value
 * half to even. Doubles, not exact decimals, because upstream stores some sums unrounded (the
 * price difference that {@code modify_pending_order_items} records) and a state hash must match
 * those digits; where upstream rounds, the result is the same as exact decimal arithmetic.
 *
 * <p>A float is written as the decimal of Python's {@code repr} ({@code 61.0}, {@code 2.8399999999999963}),
 * so the state carries the number Python would print; an int stays an integer node.
 */
final class PyNumbers {

    private PyNumbers() {
    }

    static boolean isInt(JsonNode number) {
        return number.isIntegralNumber();
    }

    static JsonNode add(JsonNode a, JsonNode b) {
        if (isInt(a) && isInt(b)) {
            return BigIntegerNode.valueOf(a.bigIntegerValue().add(b.bigIntegerValue()));
        }
        return ofFloat(a.doubleValue() + b.doubleValue());
    }

    static JsonNode subtract(JsonNode a, JsonNode b) {
        if (isInt(a) && isInt(b)) {
            return BigIntegerNode.valueOf(a.bigIntegerValue().subtract(b.bigIntegerValue()));
        }
        return ofFloat(a.doubleValue() - b.doubleValue());
    }

    static JsonNode abs(JsonNode a) {
        return isInt(a) ? BigIntegerNode.valueOf(a.bigIntegerValue().abs()) : ofFloat(Math.abs(a.doubleValue()));
    }

    /** Python's {@code round(x, 2)}: an int stays as it is, a float is rounded on its exact binary value. */
    static JsonNode round2(JsonNode a) {
        return isInt(a) ? a : ofFloat(PythonFloat.round2(a.doubleValue()));
    }

    /** Python's {@code float(x)}: what a float field of a pydantic model holds. */
    static JsonNode asFloat(JsonNode a) {
        return ofFloat(a.doubleValue());
    }

    static JsonNode ofFloat(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("a money amount is not finite: " + value);
        }
        return PythonFloat.node(value);
    }
}

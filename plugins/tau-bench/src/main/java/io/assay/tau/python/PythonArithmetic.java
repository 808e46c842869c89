package io.assay.tau.python;

import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The arithmetic upstream's {@code calculate} tool evaluates: Python's own expression rules over the
 * characters it admits ({@code 0-9 + - * / ( ) .} and space), so {@code //} and {@code **} work as
 * in Python, integers stay exact until a float enters, and {@code /} always gives a float.
 * Failures carry the messages of CPython 3.11, which is what upstream's {@code eval} reports.
 *
 * <pre>{@code
 * PythonArithmetic.evaluate("(10 + 5) / 4");   // 3.75
 * }</pre>
 */
public final class PythonArithmetic {
    private static final String SYNTAX = "invalid syntax (<string>, line 1)";
    /** CPython's tokenizer refuses deeper nesting; the bound also keeps this parser's recursion small. */
    private static final int MAX_NESTING = 200;
    /**
     * Bounds an integer power's size so that a call stays quick; a larger value would only reach
     * {@code float()} to be refused as too large, with the message this gives.
     */
    private static final int MAX_POWER_BITS = 1 << 20;
    private final String text;
    private int at;
    private int nesting;

    private PythonArithmetic(String text) {
        this.text = text;
    }

    /** The expression's value as Python's {@code float(eval(expression))}. */
    public static double evaluate(String expression) {
        PythonArithmetic parser = new PythonArithmetic(expression);
        Object value = parser.sum();
        parser.skipSpaces();
        if (parser.at < expression.length()) {
            throw new ToolException(SYNTAX);
        }
        return toFloat(value);
    }

    private Object sum() {
        Object value = product();
        while (true) {
            if (accept("+")) {
                value = plus(value, product());
            } else if (accept("-")) {
                value = minus(value, product());
            } else {
                return value;
            }
        }
    }

    private Object product() {
        Object value = unary();
        while (true) {
            if (accept("//")) {
                value = floorDivide(value, unary());
            } else if (accept("/")) {
                value = divide(value, unary());
            } else if (!lookingAt("**") && accept("*")) {
                value = times(value, unary());
            } else {
                return value;
            }
        }
    }

    /** A sign, or {@code atom ** unary}: the power binds tighter than a sign on its left, so {@code -2**2} is {@code -4}. */
    private Object unary() {
        if (accept("-")) {
            return negate(unary());
        }
        if (accept("+")) {
            return unary();
        }
        Object base = atom();
        return accept("**") ? power(base, unary()) : base;
    }

    private Object atom() {
        if (accept("(")) {
            if (++nesting > MAX_NESTING) {
                throw new ToolException("too many nested parentheses (<string>, line 1)");
            }
            if (accept(")")) {
                throw new ToolException("float() argument must be a string or a real number, not 'tuple'");
            }
            Object value = sum();
            if (!accept(")")) {
                throw new ToolException(at >= text.length() ? "'(' was never closed (<string>, line 1)" : SYNTAX);
            }
            nesting--;
            return value;
        }
        skipSpaces();
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String literal = text.substring(start, at);
        if (literal.isEmpty() || literal.equals(".") || literal.indexOf('.') != literal.lastIndexOf('.')) {
            throw new ToolException(SYNTAX);
        }
        if (literal.contains(".")) {
            return Double.parseDouble(literal);
        }
        if (literal.length() > 1 && literal.charAt(0) == '0' && !literal.chars().allMatch(c -> c == '0')) {
            throw new ToolException("leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                    + "for octal integers (<string>, line 1)");
        }
        return new BigInteger(literal);
    }

    private static Object plus(Object a, Object b) {
        return a instanceof BigInteger x && b instanceof BigInteger y ? x.add(y) : toFloat(a) + toFloat(b);
    }

    /** Not {@code plus(a, negate(b))}: {@code -0.0 - 0} is {@code -0.0}, {@code -0.0 + 0} is {@code 0.0}. */
    private static Object minus(Object a, Object b) {
        return a instanceof BigInteger x && b instanceof BigInteger y ? x.subtract(y) : toFloat(a) - toFloat(b);
    }

    private static Object times(Object a, Object b) {
        return a instanceof BigInteger x && b instanceof BigInteger y ? x.multiply(y) : toFloat(a) * toFloat(b);
    }

    private static Object negate(Object a) {
        return a instanceof BigInteger x ? x.negate() : -(Double) a;
    }

    private static Object divide(Object a, Object b) {
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            if (y.signum() == 0) {
                throw new ToolException("division by zero");
            }
            double quotient = new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
            // A zero quotient keeps the operands' sign, as Python's float result does: 0 / -98 is -0.0.
            return quotient == 0 && (x.signum() < 0) != (y.signum() < 0) ? -0.0 : quotient;
        }
        double divisor = toFloat(b);
        if (divisor == 0) {
            throw new ToolException("float division by zero");
        }
        return toFloat(a) / divisor;
    }

    private static Object floorDivide(Object a, Object b) {
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            if (y.signum() == 0) {
                throw new ToolException("integer division or modulo by zero");
            }
            BigInteger[] qr = x.divideAndRemainder(y);
            return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }
        double divisor = toFloat(b);
        if (divisor == 0) {
            throw new ToolException("float floor division by zero");
        }
        return floatFloorDivide(toFloat(a), divisor);
    }

    /**
     * CPython's float {@code //}, from the remainder rather than {@code floor(a / b)}, which the
     * rounding of {@code a / b} can push to the next integer: {@code 1 // 0.1} is {@code 9.0}, not 10.
     */
    private static double floatFloorDivide(double a, double b) {
        double remainder = a % b;
        double quotient = (a - remainder) / b;
        if (remainder != 0 && (b < 0) != (remainder < 0)) {
            quotient -= 1.0;
        }
        if (quotient == 0) {
            return Math.copySign(0.0, a / b);
        }
        double floor = Math.floor(quotient);
        return quotient - floor > 0.5 ? floor + 1.0 : floor;
    }

    private static Object power(Object base, Object exponent) {
        if (base instanceof BigInteger x && exponent instanceof BigInteger y && y.signum() >= 0) {
            if (y.bitLength() > 31 || (long) x.bitLength() * y.longValue() > MAX_POWER_BITS) {
                throw new ToolException("int too large to convert to float");
            }
            return x.pow(y.intValue());
        }
        double b = toFloat(base);
        double e = toFloat(exponent);
        if (b == 0 && e < 0) {
            throw new ToolException("0.0 cannot be raised to a negative power");
        }
        if (b < 0 && e != Math.rint(e)) {
            throw new ToolException("float() argument must be a string or a real number, not 'complex'");
        }
        double result = Math.pow(b, e);
        if (Double.isInfinite(result)) {
            throw new ToolException("(34, 'Numerical result out of range')");
        }
        return result;
    }

    private static double toFloat(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        double d = new BigDecimal((BigInteger) value).doubleValue();
        if (Double.isInfinite(d)) {
            throw new ToolException("int too large to convert to float");
        }
        return d;
    }

    private boolean lookingAt(String token) {
        skipSpaces();
        return text.startsWith(token, at);
    }

    private boolean accept(String token) {
        if (lookingAt(token)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }
}

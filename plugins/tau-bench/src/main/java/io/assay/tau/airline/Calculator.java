package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code calculate} tool as upstream runs it: Python's {@code eval} of an expression made only
 * of digits, {@code + - * / ( ) .} and spaces (so also {@code **} and {@code //}), then
 * {@code str(round(float(value), 2))}. A small parser reproduces Python's arithmetic: ints exact,
 * floats in binary double precision, true division always a float, and Python's error messages.
 */
final class Calculator {
    private static final String ALLOWED = "0123456789+-*/(). ";
    /** Python refuses deeper nesting too; the bound keeps the parser's recursion small. */
    private static final int MAX_NESTING = 200;
    private static final String SYNTAX = "invalid syntax (<string>, line 1)";

    private final String text;
    private int position;
    private int nesting;

    private Calculator(String text) {
        this.text = text;
    }

    static JsonNode calculate(Airline airline, Options arguments) {
        String expression = arguments.string("expression");
        for (char c : expression.toCharArray()) {
            if (ALLOWED.indexOf(c) < 0) {
                throw airline.refusal("invalid characters in expression", "Invalid characters in expression");
            }
        }
        return TextNode.valueOf(evaluate(expression));
    }

    /** {@code str(round(float(eval(expression)), 2))}. */
    static String evaluate(String expression) {
        Calculator parser = new Calculator(expression);
        Object value = parser.sum();
        parser.skipSpaces();
        if (parser.position < expression.length()) {
            throw new ToolException(SYNTAX);
        }
        double number = value instanceof BigInteger whole ? toFloat(whole) : (double) value;
        if (Double.isFinite(number)) {
            number = new BigDecimal(number).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
        }
        return repr(number);
    }

    private Object sum() {
        Object value = product();
        while (true) {
            if (accept("+")) {
                value = add(value, product(), false);
            } else if (accept("-")) {
                value = add(value, product(), true);
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
            } else if (accept("*")) {
                value = multiply(value, unary());
            } else if (accept("/")) {
                value = divide(value, unary());
            } else {
                return value;
            }
        }
    }

    private Object unary() {
        if (accept("+")) {
            return unary();
        }
        if (accept("-")) {
            Object value = unary();
            return value instanceof BigInteger whole ? whole.negate() : -(double) value;
        }
        return power();
    }

    /** {@code atom ** unary}: binds tighter than a sign on its left, so {@code -2**2} is {@code -4}. */
    private Object power() {
        Object base = atom();
        if (!accept("**")) {
            return base;
        }
        Object exponent = unary();
        if (base instanceof BigInteger b && exponent instanceof BigInteger e && e.signum() >= 0) {
            if (e.bitLength() > 16) {
                throw new ToolException("int too large to convert to float");
            }
            return b.pow(e.intValueExact());
        }
        double b = toFloat(base);
        double e = toFloat(exponent);
        if (b == 0 && e < 0) {
            throw new ToolException("0.0 cannot be raised to a negative power");
        }
        double result = Math.pow(b, e);
        if (Double.isNaN(result)) {
            throw new ToolException("float() argument must be a string or a real number, not 'complex'");
        }
        if (Double.isInfinite(result)) {
            throw new ToolException("(34, 'Numerical result out of range')");
        }
        return result;
    }

    private Object atom() {
        skipSpaces();
        if (accept("(")) {
            if (++nesting > MAX_NESTING) {
                throw new ToolException("too many nested parentheses (<string>, line 1)");
            }
            Object value = sum();
            if (!accept(")")) {
                throw new ToolException(SYNTAX);
            }
            nesting--;
            return value;
        }
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        String literal = text.substring(start, position);
        if (literal.isEmpty() || literal.equals(".") || literal.indexOf('.') != literal.lastIndexOf('.')) {
            throw new ToolException(SYNTAX);
        }
        if (literal.indexOf('.') >= 0) {
            return Double.parseDouble(literal);
        }
        if (literal.length() > 1 && literal.startsWith("0") && !literal.matches("0+")) {
            throw new ToolException("leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                    + "for octal integers (<string>, line 1)");
        }
        return new BigInteger(literal);
    }

    private static Object add(Object left, Object right, boolean subtract) {
        if (left instanceof BigInteger a && right instanceof BigInteger b) {
            return subtract ? a.subtract(b) : a.add(b);
        }
        return subtract ? toFloat(left) - toFloat(right) : toFloat(left) + toFloat(right);
    }

    private static Object multiply(Object left, Object right) {
        if (left instanceof BigInteger a && right instanceof BigInteger b) {
            return a.multiply(b);
        }
        return toFloat(left) * toFloat(right);
    }

    private static Object divide(Object left, Object right) {
        if (left instanceof BigInteger a && right instanceof BigInteger b) {
            if (b.signum() == 0) {
                throw new ToolException("division by zero");
            }
            return new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL128).doubleValue();
        }
        if (toFloat(right) == 0) {
            throw new ToolException("float division by zero");
        }
        return toFloat(left) / toFloat(right);
    }

    private static Object floorDivide(Object left, Object right) {
        if (left instanceof BigInteger a && right instanceof BigInteger b) {
            if (b.signum() == 0) {
                throw new ToolException("integer division or modulo by zero");
            }
            BigInteger[] quotient = a.divideAndRemainder(b);
            return quotient[1].signum() != 0 && quotient[1].signum() != b.signum()
                    ? quotient[0].subtract(BigInteger.ONE) : quotient[0];
        }
        if (toFloat(right) == 0) {
            throw new ToolException("float floor division by zero");
        }
        return Math.floor(toFloat(left) / toFloat(right));
    }

    private static double toFloat(Object value) {
        if (value instanceof BigInteger whole) {
            double number = whole.doubleValue();
            if (Double.isInfinite(number)) {
                throw new ToolException("int too large to convert to float");
            }
            return number;
        }
        return (double) value;
    }

    /** Python's {@code repr} of a float: shortest digits, {@code .0} on whole numbers, exponent from 1e16. */
    static String repr(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        if (number == 0) {
            return 1 / number < 0 ? "-0.0" : "0.0";
        }
        BigDecimal digits = new BigDecimal(Double.toString(number)).stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent >= 16 || exponent < -4) {
            String unscaled = digits.unscaledValue().abs().toString();
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            return (number < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        String plain = digits.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private boolean accept(String token) {
        skipSpaces();
        if (text.startsWith(token, position)) {
            position += token.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
    }
}

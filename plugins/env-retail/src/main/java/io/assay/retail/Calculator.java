package io.assay.retail;

import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code calculate} tool: exact decimal arithmetic with {@code + - * /}, unary signs and
 * parentheses, rounded to cents. A small parser rather than a script engine, so an expression can
 * do nothing but arithmetic.
 */
final class Calculator {
    /** Long enough for any sum of an order's prices; bounds the parser's recursion. */
    static final int MAX_LENGTH = 500;

    private final String expression;
    private int position;

    private Calculator(String expression) {
        this.expression = expression;
    }

    static RetailTool tool() {
        return RetailTool.reading("calculate",
                "Calculates the value of an arithmetic expression with numbers, + - * / and parentheses, "
                        + "exactly, rounded to 2 decimals; use it for refunds, totals and price differences.",
                new Parameters().text("expression", "The expression, such as '2 + 2' or '(129.99 - 4.50) * 3'."),
                (shop, arguments) -> TextNode.valueOf(evaluate(arguments.string("expression")).toPlainString()));
    }

    /** The expression's value rounded half up to two decimals. */
    static BigDecimal evaluate(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new ToolException("expression is " + expression.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed");
        }
        Calculator parser = new Calculator(expression);
        BigDecimal value = parser.sum();
        parser.skipSpaces();
        if (parser.position < expression.length()) {
            throw parser.unexpected();
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal sum() {
        BigDecimal value = product();
        while (true) {
            if (accept('+')) {
                value = value.add(product());
            } else if (accept('-')) {
                value = value.subtract(product());
            } else {
                return value;
            }
        }
    }

    private BigDecimal product() {
        BigDecimal value = factor();
        while (true) {
            if (accept('*')) {
                value = value.multiply(factor());
            } else if (accept('/')) {
                BigDecimal divisor = factor();
                if (divisor.signum() == 0) {
                    throw new ToolException("cannot calculate '" + expression + "': division by zero");
                }
                value = value.divide(divisor, MathContext.DECIMAL128);
            } else {
                return value;
            }
        }
    }

    private BigDecimal factor() {
        if (accept('-')) {
            return factor().negate();
        }
        if (accept('+')) {
            return factor();
        }
        if (accept('(')) {
            BigDecimal value = sum();
            if (!accept(')')) {
                throw unexpected();
            }
            return value;
        }
        return number();
    }

    private BigDecimal number() {
        skipSpaces();
        int start = position;
        while (position < expression.length()
                && ("0123456789.".indexOf(expression.charAt(position)) >= 0)) {
            position++;
        }
        String digits = expression.substring(start, position);
        if (digits.isEmpty() || digits.chars().filter(c -> c == '.').count() > 1 || digits.equals(".")) {
            position = start;
            throw unexpected();
        }
        return new BigDecimal(digits);
    }

    private boolean accept(char symbol) {
        skipSpaces();
        if (position < expression.length() && expression.charAt(position) == symbol) {
            position++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (position < expression.length() && Character.isWhitespace(expression.charAt(position))) {
            position++;
        }
    }

    private ToolException unexpected() {
        String found = position < expression.length() ? "'" + expression.charAt(position) + "'" : "the end";
        return new ToolException("cannot calculate '" + expression + "': unexpected " + found + " at position "
                + (position + 1) + "; use only numbers, + - * / and parentheses");
    }
}

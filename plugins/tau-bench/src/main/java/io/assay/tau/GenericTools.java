package io.assay.tau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.spi.Options;
import io.assay.tau.python.PythonArithmetic;
import io.assay.tau.python.PythonFloat;

/**
 * The tools that touch no data, alike in every domain as upstream writes them once: {@code calculate},
 * {@code think} (tau-bench only) and {@code transfer_to_human_agents}. Each domain binds them to its specs.
 */
public final class GenericTools {
    private static final String ALLOWED = "0123456789+-*/(). ";

    private GenericTools() {
    }

    /** {@code str(round(float(eval(expression)), 2))}, for an expression of digits, operators, parentheses and spaces. */
    public static JsonNode calculate(DomainState state, Options arguments) {
        String expression = arguments.string("expression");
        if (!expression.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0)) {
            throw state.refusal("invalid characters in expression", "Invalid characters in expression");
        }
        return TextNode.valueOf(PythonFloat.repr(PythonFloat.round2(PythonArithmetic.evaluate(expression))));
    }

    /** The thought only goes to the log. */
    public static JsonNode think(DomainState state, Options arguments) {
        return TextNode.valueOf("");
    }

    public static JsonNode transferToHumanAgents(DomainState state, Options arguments) {
        return TextNode.valueOf("Transfer successful");
    }
}

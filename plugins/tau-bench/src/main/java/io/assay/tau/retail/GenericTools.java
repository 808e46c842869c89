package io.assay.tau.retail;

import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.tau.retail.RetailTool.Behaviour;
import java.util.List;

/** The tools that touch no data: arithmetic, thinking aloud (tau-bench only), and handing over to a human. */
final class GenericTools {
    private static final String ALLOWED = "0123456789+-*/(). ";

    private GenericTools() {
    }

    static List<Behaviour> all() {
        return List.of(
                Behaviour.reading("calculate", (shop, arguments) -> {
                    String expression = arguments.string("expression");
                    if (!expression.chars().allMatch(c -> ALLOWED.indexOf(c) >= 0)) {
                        throw shop.refusal("invalid characters in expression", "Invalid characters in expression");
                    }
                    return TextNode.valueOf(PyNumbers.repr(PyNumbers.round2(PythonArithmetic.evaluate(expression))));
                }),
                Behaviour.reading("think", (shop, arguments) -> TextNode.valueOf("")),
                Behaviour.reading("transfer_to_human_agents", (shop, arguments) -> TextNode.valueOf("Transfer successful")));
    }
}

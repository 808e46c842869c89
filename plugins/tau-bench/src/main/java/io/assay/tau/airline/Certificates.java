package io.assay.tau.airline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.assay.spi.Options;
import io.assay.tools.ToolException;

/** {@code send_certificate}: adds a travel certificate to a user's payment methods, under upstream's fixed ids. */
final class Certificates {

    private Certificates() {
    }

    /**
     * Adds the certificate under the first of upstream's three ids the user lacks. With all three
     * taken, tau2-bench refuses and tau-bench silently returns nothing.
     */
    static JsonNode send(Airline airline, Options arguments) {
        String userId = arguments.string("user_id");
        ObjectNode methods = airline.user(userId).withObject("payment_methods");
        Num amount = Num.of(Json.tree(arguments.get("amount")));
        for (String id : Airline.NEW_CERTIFICATE_IDS) {
            if (!methods.has(id)) {
                ObjectNode certificate = airline.objectNode().put("source", "certificate");
                // tau-bench writes the amount before the id; tau2-bench's Certificate model puts the id first.
                if (airline.tau2()) {
                    certificate.put("id", id);
                }
                certificate.set("amount", airline.node(amount));
                if (!airline.tau2()) {
                    certificate.put("id", id);
                }
                methods.set(id, certificate);
                return TextNode.valueOf("Certificate " + id + " added to user " + userId + " with amount "
                        + amount.text() + ".");
            }
        }
        if (airline.tau2()) {
            throw new ToolException("Too many certificates");
        }
        return NullNode.getInstance();
    }
}

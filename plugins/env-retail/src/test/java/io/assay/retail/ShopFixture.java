package io.assay.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.tools.DomainCalls;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fresh retail state and the domain's tools, called directly as the session would call them. */
final class ShopFixture extends DomainCalls<RetailDomain> {

    ShopFixture() {
        super(new RetailDomain());
    }

    JsonNode order(String orderId) {
        return state.path("orders").path(orderId);
    }

    JsonNode paymentMethod(String userId, String paymentMethodId) {
        return state.path("users").path(userId).path("payment_methods").path(paymentMethodId);
    }

    /** A money field, with its scale: {@code 145.93} and {@code 145.930} are different here. */
    static BigDecimal money(JsonNode field) {
        assertThat(field.isBigDecimal()).as("%s is a BigDecimal", field).isTrue();
        return field.decimalValue();
    }

    static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }
}

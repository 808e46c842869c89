package io.assay.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import io.assay.tools.DomainTool;
import io.assay.tools.ToolException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fresh retail state and the domain's tools, called directly as the session would call them. */
final class ShopFixture {
    final RetailDomain domain = new RetailDomain();
    final ObjectNode state = domain.initialState();

    JsonNode call(String tool, Map<String, Object> arguments) {
        return tool(tool).call(state, Options.of(arguments));
    }

    /** Calls a tool that must refuse, checks that nothing changed, and gives the refusal's message. */
    String refused(String tool, Map<String, Object> arguments) {
        ObjectNode before = state.deepCopy();
        ToolException refusal = catchThrowableOfType(ToolException.class, () -> call(tool, arguments));
        assertThat(refusal).as("%s %s must be refused", tool, arguments).isNotNull();
        assertThat(state).as("state after the refused %s", tool).isEqualTo(before);
        return refusal.getMessage();
    }

    DomainTool tool(String name) {
        return domain.tools().stream().filter(tool -> tool.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
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

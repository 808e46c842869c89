package io.assay.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.spi.Options;
import java.util.Map;

/**
 * A domain's tools called directly on a fresh state, as the session calls them, for domain tests:
 * a fixture extends it with the look-ups its tests need.
 *
 * <pre>{@code
 * final class ShopFixture extends DomainCalls<RetailDomain> {
 *     ShopFixture() { super(new RetailDomain()); }
 * }
 * String message = new ShopFixture().refused("cancel_pending_order", Map.of("order_id", "#W1"));
 * }</pre>
 */
public class DomainCalls<D extends Domain> {
    public final D domain;
    public final ObjectNode state;

    protected DomainCalls(D domain) {
        this.domain = domain;
        this.state = domain.initialState();
    }

    public JsonNode call(String tool, Map<String, Object> arguments) {
        return tool(tool).call(state, Options.of(arguments));
    }

    /** Calls a tool that must refuse, checks that nothing changed, and gives the refusal's message. */
    public String refused(String tool, Map<String, Object> arguments) {
        ObjectNode before = state.deepCopy();
        ToolException refusal = catchThrowableOfType(ToolException.class, () -> call(tool, arguments));
        assertThat(refusal).as("%s %s must be refused", tool, arguments).isNotNull();
        assertThat(state).as("state after the refused %s", tool).isEqualTo(before);
        return refusal.getMessage();
    }

    public DomainTool tool(String name) {
        return domain.tools().stream().filter(tool -> tool.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }
}

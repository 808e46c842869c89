package io.assay.spi;

/**
 * What a tool call gave back to the agent. An agent's mistake (an unknown tool, a missing
 * argument, a domain rule broken) is an error result the agent sees and can recover from, never
 * an exception.
 *
 * <pre>{@code
 * ToolResult result = tools.call("cancel_pending_order", Map.of("order_id", "#W1"));
 * if (result.error()) {
 *     // e.g. "order #W1 is delivered; only pending orders can be cancelled"
 * }
 * }</pre>
 *
 * @param content the observation: JSON text on success, an explanation on error
 * @param error whether the call failed
 */
public record ToolResult(String content, boolean error) {

    public ToolResult {
        content = content == null ? "" : content;
    }

    public static ToolResult ok(String content) {
        return new ToolResult(content, false);
    }

    public static ToolResult error(String content) {
        return new ToolResult(content, true);
    }
}

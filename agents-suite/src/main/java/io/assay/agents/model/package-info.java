/**
 * Model-backed agents: {@code chat} (one model call per trial) and {@code react} (a tool-calling
 * loop in tool environments and sandboxes). Both take the shared model options of
 * {@link io.assay.models.ModelOptions} and record every call as a {@code model_call} trace step.
 *
 * <pre>{@code
 * assay run examples/arithmetic --agent chat --model openai/gpt-4o-mini
 * assay run examples/retail --agent react --model anthropic/claude-sonnet-4-5 -A max_turns=20
 * }</pre>
 */
package io.assay.agents.model;

package io.assay.spi;

/**
 * Creates an agent from its options ({@code assay run --agent NAME -A key=value}).
 *
 * <pre>{@code
 * public String name() { return "echo"; }
 * public Agent create(Options options) {
 *     options.allowOnly();
 *     return input -> AgentOutput.of(input.task().prompt());
 * }
 * }</pre>
 */
public interface AgentFactory extends Component {

    /** Validates the options and creates the agent; throws {@link InvalidOptionException} on bad options. */
    Agent create(Options options);
}

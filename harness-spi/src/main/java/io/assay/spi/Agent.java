package io.assay.spi;

/**
 * The system under evaluation: given a task, it produces an output.
 *
 * <p>An exception thrown here is recorded as an agent failure (score 0), except an
 * {@link EnvironmentException}, which means the harness or environment broke and the trial may be
 * retried. Agents are called from many virtual threads at once and must be thread-safe; they
 * should respond to interruption, which is how timeouts and Ctrl-C reach them.
 *
 * <pre>{@code
 * Agent echo = input -> AgentOutput.of(input.task().prompt());
 * }</pre>
 */
@FunctionalInterface
public interface Agent {

    AgentOutput act(AgentInput input) throws Exception;
}

package io.assay.spi;

import java.util.List;

/**
 * One trial's private environment. Closed by the harness after grading, even on failure.
 *
 * <pre>{@code
 * EnvironmentSession none = () -> { };
 * }</pre>
 */
@FunctionalInterface
public interface EnvironmentSession extends AutoCloseable {

    /**
     * The steps the environment recorded itself (tool calls and their results, messages), in
     * order; the harness appends them to the trial's trace before grading.
     */
    default List<TraceStep> transcript() {
        return List.of();
    }

    @Override
    void close() throws Exception;
}

package io.assay.spi;

/**
 * One trial's private environment. Closed by the harness after grading, even on failure.
 *
 * <pre>{@code
 * EnvironmentSession none = () -> { };
 * }</pre>
 */
@FunctionalInterface
public interface EnvironmentSession extends AutoCloseable {

    @Override
    void close() throws Exception;
}

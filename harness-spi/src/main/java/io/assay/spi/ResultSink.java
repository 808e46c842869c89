package io.assay.spi;

/**
 * Receives each finished trial. Calls are serialised by the harness, so a sink need not be
 * thread-safe; {@link #close} is called once when the run ends or is interrupted.
 *
 * <pre>{@code
 * public void accept(TrialRecord record) throws IOException {
 *     out.write(record.task() + "," + record.score() + "\n");
 * }
 * }</pre>
 */
public interface ResultSink extends AutoCloseable {

    void accept(TrialRecord record) throws Exception;

    @Override
    default void close() throws Exception {
    }
}

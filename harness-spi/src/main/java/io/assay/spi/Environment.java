package io.assay.spi;

/**
 * A place where trials run. Each trial gets its own fresh {@link EnvironmentSession}, so no state
 * leaks from one trial to the next (ABC T.4).
 *
 * <pre>{@code
 * try (EnvironmentSession session = environment.start(task, seed)) {
 *     AgentOutput output = agent.act(new AgentInput(task, epoch, seed, session));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Environment extends AutoCloseable {

    /** Prepares a fresh session for one trial; throw {@link EnvironmentException} when that fails. */
    EnvironmentSession start(Task task, long seed) throws Exception;

    /** Releases what the environment holds across trials (images, pools). */
    @Override
    default void close() throws Exception {
    }
}

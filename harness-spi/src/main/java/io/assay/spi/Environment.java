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

    /**
     * Says a trial of {@code task} is coming: it waits for its turn and will then {@link #start}
     * a session. An environment may prepare that session ahead (start a container while other
     * trials run) and, once told of any trial, should prepare only for trials it was told of, so
     * nothing is prepared that no trial uses. A harness that cannot tell says nothing, and the
     * environment prepares what its own settings ask. Must not block.
     *
     * <pre>{@code
     * environment.expect(task);   // before waiting for a free slot
     * slots.acquire();
     * try (EnvironmentSession session = environment.start(task, seed)) { ... }
     * }</pre>
     */
    default void expect(Task task) {
    }

    /** Releases what the environment holds across trials (images, pools). */
    @Override
    default void close() throws Exception {
    }
}

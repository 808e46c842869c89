package io.assay.spi;

/**
 * Creates the environment a suite's tasks run in, from the suite's {@code environment} spec.
 *
 * <pre>{@code
 * // suite.yaml: environment: {type: none}
 * public String name() { return "none"; }
 * public Environment create(Options options) { options.allowOnly("type"); return (task, seed) -> () -> { }; }
 * }</pre>
 */
public interface EnvironmentFactory extends Component {

    /** Validates the options and creates the environment; throws {@link InvalidOptionException} on bad options. */
    Environment create(Options options);

    /**
     * Creates the environment for one run or audit, which {@code run} identifies (for example in the
     * labels of its containers). By default the run is not needed.
     */
    default Environment create(Options options, RunInfo run) {
        return create(options);
    }

    /**
     * Checks the options for {@code assay suites validate}, which must work on any machine: override
     * it when creating the environment needs more than its options (an engine, a server), so that
     * validation does not. By default the environment is created and closed at once.
     *
     * <pre>{@code
     * public void validate(Options options) { options.allowOnly("type", "image"); } // never connects
     * }</pre>
     *
     * @throws InvalidOptionException on bad options
     */
    default void validate(Options options) throws Exception {
        create(options).close();
    }
}

package io.assay.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a suite directory in some format: Assay's declarative {@code suite.yaml}, or a format the
 * field already uses.
 *
 * <pre>{@code
 * public boolean accepts(Path dir) { return Files.exists(dir.resolve("task.toml")); }
 * public Suite load(Path dir, Context context) throws IOException {
 *     ... // collect every problem, then: if (!problems.isEmpty()) throw new InvalidSuiteException(problems);
 * }
 * }</pre>
 */
public interface SuiteLoader extends Component {

    /** Whether this loader recognises the directory's format. */
    boolean accepts(Path directory);

    /**
     * Loads and validates the whole suite. Report every problem at once in an
     * {@link InvalidSuiteException}, not just the first.
     */
    Suite load(Path directory, Context context) throws IOException;

    /** What the core offers a loader for validation. */
    interface Context {
        /** Checks a reward spec against the registered checks; throws {@link InvalidOptionException}. */
        void validateReward(Options spec);

        /** Checks an environment spec against the registered environments; throws {@link InvalidOptionException}. */
        void validateEnvironment(Options spec);
    }
}

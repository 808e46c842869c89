package io.assay.tools;

import io.assay.spi.Options;

/**
 * Builds a {@link Domain} from a suite's {@code environment} options, for domains whose data or
 * rules the suite chooses (a benchmark folder's database, its policy). The options are the
 * suite's {@code environment} block, {@code type} included, without the simulated user's options
 * ({@code user_model}, ...: every key starting with {@code user_} is the {@link ToolEnvironmentFactory}'s);
 * reject unknown keys with {@link Options#allowOnly}.
 *
 * <pre>{@code
 * new ToolEnvironmentFactory("library", "a lending library",
 *         options -> {
 *             options.allowOnly("type", "data");
 *             return new LibraryDomain(Path.of(options.string("data")));
 *         });
 * }</pre>
 */
@FunctionalInterface
public interface DomainLoader {

    /** The domain the options describe; an invalid option is an {@link io.assay.spi.InvalidOptionException}. */
    Domain load(Options options);
}

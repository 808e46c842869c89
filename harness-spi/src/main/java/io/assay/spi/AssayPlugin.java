package io.assay.spi;

import java.util.List;

/**
 * The entry point of a plugin, found with {@link java.util.ServiceLoader}.
 *
 * <p>Every method returns the components of one kind and defaults to none, so a new kind can be
 * added without breaking existing plugins. Component names must be unique per kind across all
 * loaded plugins; a clash is a start-up error naming both jars.
 *
 * <pre>{@code
 * public final class MyPlugin implements AssayPlugin {
 *     @Override
 *     public List<RewardCheckFactory> rewardChecks() {
 *         return List.of(new SimilarityCheckFactory());
 *     }
 * }
 * // META-INF/services/io.assay.spi.AssayPlugin contains: com.example.MyPlugin
 * }</pre>
 */
public interface AssayPlugin {

    /** Readers of suite directories, tried in order until one {@link SuiteLoader#accepts accepts}. */
    default List<SuiteLoader> suiteLoaders() {
        return List.of();
    }

    /** Environments tasks run in, named by a suite's {@code environment.type}. */
    default List<EnvironmentFactory> environments() {
        return List.of();
    }

    /** Agents, named by {@code assay run --agent NAME}. */
    default List<AgentFactory> agents() {
        return List.of();
    }

    /** Reward checks, named by a reward spec's {@code type}. */
    default List<RewardCheckFactory> rewardChecks() {
        return List.of();
    }

    /** Probes that {@code assay audit} runs against a suite. */
    default List<AuditProbe> auditProbes() {
        return List.of();
    }

    /** Extra destinations for trial records, named by {@code assay run --sink NAME}. */
    default List<ResultSinkFactory> resultSinks() {
        return List.of();
    }

    /** Clean-ups of what killed runs left behind, which {@code assay gc} calls. */
    default List<Sweeper> sweepers() {
        return List.of();
    }
}

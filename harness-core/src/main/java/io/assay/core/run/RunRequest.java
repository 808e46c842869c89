package io.assay.core.run;

import io.assay.core.InputException;
import io.assay.core.suite.TaskSelection;
import io.assay.spi.Options;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to run and how: the settings of {@code assay run}.
 *
 * @param suite the suite directory
 * @param agent the agent's name
 * @param agentOptions the agent's options
 * @param epochs how many times each task is tried
 * @param concurrency how many trials run at once
 * @param timeout per trial, for the agent's work
 * @param retryErrors how many times a harness error is retried
 * @param seed the base seed every trial seed derives from
 * @param out the run directory, or {@code null} for a new one under {@code runs/}
 * @param sinks extra result sinks by name
 * @param baselines whether to record the trivial-agent baselines (ABC R.13) in the manifest and summary
 * @param arguments the command line, recorded in the manifest
 * @param maxCostUsd stop scheduling trials once the run's model calls cost this much, or {@code null}
 * @param maxErrors stop scheduling trials once more of them end in errors than this allows, or {@code null}
 * @param selection which tasks to run; {@code sample} draws with {@code seed}
 */
public record RunRequest(Path suite, String agent, Options agentOptions, int epochs, int concurrency,
                         Duration timeout, int retryErrors, long seed, Path out, List<String> sinks,
                         boolean baselines, List<String> arguments, BigDecimal maxCostUsd, MaxErrors maxErrors,
                         TaskSelection selection) {

    /** A request for every task of the suite, without an error limit. */
    public RunRequest(Path suite, String agent, Options agentOptions, int epochs, int concurrency,
                      Duration timeout, int retryErrors, long seed, Path out, List<String> sinks,
                      boolean baselines, List<String> arguments, BigDecimal maxCostUsd) {
        this(suite, agent, agentOptions, epochs, concurrency, timeout, retryErrors, seed, out, sinks, baselines,
                arguments, maxCostUsd, null, TaskSelection.ALL);
    }

    public RunRequest {
        if (epochs < 1) {
            throw new InputException("--epochs must be at least 1, got " + epochs);
        }
        if (concurrency < 1) {
            throw new InputException("--concurrency must be at least 1, got " + concurrency);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InputException("--timeout must be positive, got " + timeout);
        }
        if (retryErrors < 0) {
            throw new InputException("--retry-errors must be 0 or more, got " + retryErrors);
        }
        Budget.check(maxCostUsd);
        Objects.requireNonNull(selection, "selection");
        sinks = List.copyOf(sinks);
        arguments = List.copyOf(arguments);
    }
}

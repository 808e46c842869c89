package io.assay.tau;

import io.assay.spi.AssayPlugin;

/**
 * tau-bench and tau2-bench as published: their domain folders load as suites, their airline and
 * retail domains run as tool environments, and their rewards grade the trials.
 *
 * <pre>{@code
 * ./assay run ../shared/benchmarks/tau-bench/tau2/airline --agent oracle
 * ./assay audit ../shared/benchmarks/tau-bench/tau1/airline
 * }</pre>
 */
public final class TauBenchPlugin implements AssayPlugin {
}

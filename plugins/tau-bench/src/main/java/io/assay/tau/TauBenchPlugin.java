package io.assay.tau;

import io.assay.spi.AssayPlugin;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.SuiteLoader;
import io.assay.tau.suite.TauSuiteLoader;
import io.assay.tools.ToolEnvironmentFactory;
import java.util.List;

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

    @Override
    public List<SuiteLoader> suiteLoaders() {
        return List.of(new TauSuiteLoader());
    }

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new ToolEnvironmentFactory("tau",
                "tau-bench's airline and retail domains on a benchmark folder's database and policy", new TauDomains()));
    }
}

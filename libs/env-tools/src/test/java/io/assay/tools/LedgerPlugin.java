package io.assay.tools;

import io.assay.spi.AssayPlugin;
import io.assay.spi.EnvironmentFactory;
import java.util.List;

/** Registers the test-only {@code ledger} tool environment, for suites in test resources. */
public final class LedgerPlugin implements AssayPlugin {

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new ToolEnvironmentFactory("ledger", "a two-account ledger, for tests", LedgerDomain::new));
    }
}

package io.assay.retail;

import io.assay.spi.AssayPlugin;
import io.assay.spi.EnvironmentFactory;
import io.assay.tools.ToolEnvironmentFactory;
import java.util.List;

/**
 * The {@code retail} tool environment: a simulated online shop in the manner of tau-bench's retail
 * domain, with users, orders, products and payment methods, and tools that enforce the shop's rules.
 *
 * <pre>{@code
 * environment: {type: retail}
 * reward: {type: all, checks: [{type: state_match}, {type: outputs}]}
 * }</pre>
 */
public final class RetailPlugin implements AssayPlugin {

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new ToolEnvironmentFactory("retail",
                "a simulated online shop (users, orders, products); tools enforce its rules", RetailDomain::new));
    }
}

package io.assay.core.audit.probes;

import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import java.util.List;

/** PLACEHOLDER: being written. */
public final class GroundTruthProbe implements AuditProbe {

    @Override
    public String name() {
        return "ground-truth";
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        return List.of();
    }
}

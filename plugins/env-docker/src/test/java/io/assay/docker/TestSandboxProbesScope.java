package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditReport;
import org.junit.jupiter.api.Test;

/** Needs no Docker: a suite that does not run in sandboxes is none of these probes' business. */
class TestSandboxProbesScope {

    @Test
    void probesSayNothingAboutASuiteWithoutDockerEnvironment() {
        AuditReport report = SandboxAuditFixture.audit(SandboxAuditFixture.examplePath("arithmetic"),
                SandboxAuditFixture.PROBES);

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().get("probes")).isEqualTo(SandboxAuditFixture.PROBES);
    }
}

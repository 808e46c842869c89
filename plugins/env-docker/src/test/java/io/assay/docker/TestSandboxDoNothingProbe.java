package io.assay.docker;

import static io.assay.docker.SandboxAuditFixture.example;
import static io.assay.docker.SandboxAuditFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerRequirement.class)
class TestSandboxDoNothingProbe {
    private static final String PROBE = "sandbox-do-nothing";

    @Test
    void namesExactlyTheFlawedTaskThatPassesUntouched() {
        List<Finding> findings = of(example("terminal-flawed"), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactly("redact-ips");
        Finding finding = findings.getFirst();
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.abc()).containsExactly("T.10", "O.g.3");
        assertThat(finding.message()).contains("does nothing", "Fix:");
        assertThat(finding.evidence()).containsEntry("agent", "null").containsEntry("reward", 1.0);
        assertThat(finding.evidence().get("verifier").toString()).contains("PASS", "public.log");
    }

    @Test
    void cleanSuiteHasNoFinding() {
        assertThat(of(example("terminal"), PROBE)).isEmpty();
    }
}

package io.assay.docker;

import static io.assay.docker.SandboxAuditFixture.audit;
import static io.assay.docker.SandboxAuditFixture.example;
import static io.assay.docker.SandboxAuditFixture.of;
import static io.assay.docker.SandboxAuditFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerRequirement.class)
class TestSandboxTamperProbe {
    private static final String PROBE = "sandbox-tamper";

    @TempDir
    Path temp;

    @Test
    void namesExactlyTheTaskWhoseVerifierTrustsAWorkdirScript() {
        List<Finding> findings = of(example("terminal-flawed"), PROBE);

        // redact-ips passes untampered too: that is sandbox-do-nothing's finding, not this probe's.
        assertThat(findings).extracting(Finding::task).containsExactly("fix-config");
        Finding finding = findings.getFirst();
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.abc()).containsExactly("T.5");
        assertThat(finding.message()).contains("/app/check.sh", "Fix:");
        assertThat((List<Object>) finding.evidence().get("tampered"))
                .contains("replaced /app/check.sh with a script that writes reward 1 and exits 0");
        assertThat(finding.evidence()).containsEntry("passed", true);
    }

    @Test
    void cleanSuiteHasNoFinding() {
        assertThat(of(example("terminal"), PROBE)).isEmpty();
    }

    @Test
    void aVerdictTakenFromAProgramOnTheContainersPathIsInfo() throws Exception {
        task(temp, "grep-verdict", "Write done to /app/status.txt.\n", "",
                "#!/bin/bash\nmkdir -p /logs/verifier\n"
                        + "if grep -qx done /app/status.txt; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n",
                null);
        task(temp, "fixed-path", "Write done to /app/status.txt.\n", "",
                "#!/bin/bash\nexport PATH=/bin\nmkdir -p /logs/verifier\n"
                        + "if grep -qx done /app/status.txt; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n",
                null);

        List<Finding> findings = of(audit(temp, List.of(PROBE)), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactly("grep-verdict");
        Finding finding = findings.getFirst();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).contains("grep");
        assertThat((List<Object>) finding.evidence().get("tampered")).contains("planted /usr/local/bin/grep (a fake that exits 0)");
    }

    @Test
    void testScriptsOwnPathDecidesWhereFakesWouldBeFound() {
        assertThat(SandboxTamperProbe.fixedPath(SandboxScript.parse("export PATH=/bin\n"))).contains("/bin");
        assertThat(SandboxTamperProbe.fixedPath(SandboxScript.parse("PATH=/opt/bin:$PATH\n"))).isEmpty();
        assertThat(SandboxTamperProbe.fixedPath(SandboxScript.parse("grep -q x y\n"))).isEmpty();
    }
}

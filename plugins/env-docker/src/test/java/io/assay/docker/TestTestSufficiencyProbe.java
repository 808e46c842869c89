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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerRequirement.class)
class TestTestSufficiencyProbe {
    private static final String PROBE = "test-sufficiency";

    @TempDir
    Path temp;

    @Test
    void namesTheTaskWhoseTestsMissADroppedCommandAndTheOneThatAcceptsNoWork() {
        List<Finding> findings = of(example("terminal-flawed"), PROBE);

        assertThat(findings).filteredOn(f -> !f.message().contains("not checked")).extracting(Finding::task)
                .containsExactlyInAnyOrder("archive-logs", "redact-ips");
        assertThat(findings).allSatisfy(f -> assertThat(f.abc()).containsExactly("O.d.2"));

        Finding weak = SandboxAuditFixture.task(findings, "archive-logs");
        assertThat(weak.severity()).isEqualTo(Severity.WARNING);
        assertThat(weak.message()).contains("dropped line 4", "Fix:");
        List<Map<String, Object>> variants = variants(weak);
        assertThat(variants).hasSize(1);
        assertThat(variants.getFirst()).containsEntry("variant", "dropped line 4")
                .containsEntry("command", "rm /app/logs/app.log /app/logs/db.log /app/logs/worker.log")
                .containsEntry("passed", true);
        assertThat((List<Object>) variants.getFirst().get("files_differing_from_reference"))
                .containsExactly("/app/logs/app.log", "/app/logs/db.log", "/app/logs/worker.log");

        Finding empty = SandboxAuditFixture.task(findings, "redact-ips");
        assertThat(empty.severity()).isEqualTo(Severity.ERROR);
        assertThat(empty.evidence()).containsEntry("variant", "empty solution");

        // Its reference solution fails, so there is nothing to degrade: solvability reports it, and
        // this probe warns that it checked nothing, so the report card cannot read `pass` for O.d.
        Finding unsolvable = SandboxAuditFixture.task(findings, "sort-versions");
        assertThat(unsolvable.severity()).isEqualTo(Severity.WARNING);
        assertThat(unsolvable.message()).contains("not checked");
    }

    @Test
    void cleanSuiteHasNoFinding() {
        assertThat(of(example("terminal"), PROBE)).isEmpty();
    }

    @Test
    void truncatedOutputsThatPassAreReportedAndRedundantCommandsAreNot() throws Exception {
        task(temp, "non-empty-only", "Write 'hello world' to /app/out.txt.\n", "",
                "#!/bin/bash\nmkdir -p /logs/verifier\nif [ -s /app/out.txt ]; then echo 1; else echo 0; fi "
                        + "> /logs/verifier/reward.txt\n",
                "#!/bin/bash\nset -euo pipefail\ncd /app\nmkdir -p /app\necho 'hello world' > out.txt\n");

        List<Finding> findings = of(audit(temp, List.of(PROBE)), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactly("non-empty-only");
        Finding finding = findings.getFirst();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        // set and cd are never dropped; dropping the redundant mkdir leaves the same end state.
        assertThat(finding.evidence()).containsEntry("variants_tried", 4);
        assertThat(variants(finding)).singleElement().satisfies(variant -> {
            assertThat(variant).containsEntry("variant", "outputs truncated to half");
            assertThat((List<Object>) variant.get("files_differing_from_reference")).containsExactly("/app/out.txt");
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variants(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("passing_variants");
    }
}

package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditReport;
import io.assay.core.audit.ChecklistItem;
import io.assay.core.suite.SuiteRepository;
import io.assay.spi.AuditContext;
import io.assay.spi.Suite;
import io.assay.testkit.ScriptedAuditContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs no Docker: a suite that does not run in sandboxes is none of these probes' business. */
class TestSandboxProbesScope {

    @TempDir
    Path temp;

    @Test
    void probesDoNotApplyToASuiteWithoutDockerEnvironment() {
        AuditReport report = SandboxAuditFixture.audit(SandboxAuditFixture.examplePath("arithmetic"),
                SandboxAuditFixture.PROBES);

        Map<String, String> noSandbox = new LinkedHashMap<>();
        SandboxAuditFixture.PROBES.forEach(probe -> noSandbox.put(probe, "no sandbox"));
        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().get("probes")).isEqualTo(List.of());
        assertThat(report.summary().get("not_applicable")).isEqualTo(noSandbox);
        assertThat(item(report, "T.4")).isEqualTo(new ChecklistItem("T.4", ChecklistItem.Status.NOT_APPLICABLE,
                List.of("state-reset"), "no sandbox"));
    }

    @Test
    void testSufficiencyDoesNotApplyWithoutAReferenceSolution() throws Exception {
        SandboxAuditFixture.write(temp.resolve("suite.toml"), "id = \"no-solutions\"\n");
        SandboxAuditFixture.task(temp, "write-ok", "Write ok to /app/out.txt.\n", "",
                "#!/bin/bash\ngrep -qx ok /app/out.txt && echo 1 > /logs/verifier/reward.txt\n", null);
        Suite suite = SandboxAuditFixture.INJECTOR.getInstance(SuiteRepository.class).load(temp);
        // Applicability needs only the suite: the audit asks before it runs any trial.
        AuditContext suiteOnly = ScriptedAuditContext.of(suite);

        assertThat(new TestSufficiencyProbe().notApplicable(suiteOnly)).contains("no task has solution/solve.sh");
        SandboxAuditFixture.task(temp, "write-ok", "Write ok to /app/out.txt.\n", "",
                "#!/bin/bash\ngrep -qx ok /app/out.txt && echo 1 > /logs/verifier/reward.txt\n",
                "#!/bin/bash\necho ok > /app/out.txt\n");
        assertThat(new TestSufficiencyProbe().notApplicable(suiteOnly)).isEmpty();
    }

    private static ChecklistItem item(AuditReport report, String id) {
        return report.checklist().stream().filter(item -> item.item().equals(id)).findFirst().orElseThrow();
    }
}

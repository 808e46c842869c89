package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.assay.core.audit.AuditReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sandbox probe's trials ask of the Docker engine, counted from the engine's own event log:
 * on Docker 20.10 every archive copy starts a helper process of the engine and costs it 8 times an
 * exec, so the copies a trial makes are what an audit's speed depends on.
 */
@ExtendWith(DockerRequirement.class)
class TestSandboxEngineCalls {
    private static final String TEST_SH = "#!/bin/bash\nmkdir -p /logs/verifier\n"
            + "if [ -f /app/out.txt ]; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n";

    @TempDir
    Path suite;

    @Test
    void aGradedTrialCopiesTheTestsInOnceAndReadsTheRewardOnce() throws Exception {
        SandboxAuditFixture.task(suite, "graded-calls", "Write /app/out.txt.\n", "", TEST_SH, null);
        try (EngineCalls calls = EngineCalls.watch("graded-calls")) {
            SandboxAuditFixture.audit(suite, List.of("sandbox-do-nothing"));

            assertThat(calls.counts()).containsEntry("extract-to-dir", 1).containsEntry("archive-path", 1);
        }
    }

    @Test
    void aTrialTwoProbesNeedIsRunOnce() throws Exception {
        // Tests that pass whatever the agent did: the do-nothing probe's null trial passes, and so does
        // sandbox-tamper's own trial, after which it asks whether the null agent's trial passes too.
        SandboxAuditFixture.task(suite, "shared-calls", "Write /app/out.txt.\n", "",
                "#!/bin/bash\nmkdir -p /logs/verifier\necho 1 > /logs/verifier/reward.txt\n", null);
        try (EngineCalls calls = EngineCalls.watch("shared-calls")) {
            AuditReport report = SandboxAuditFixture.audit(suite, List.of("sandbox-do-nothing", "sandbox-tamper"));

            assertThat(SandboxAuditFixture.of(report, "sandbox-do-nothing")).hasSize(1);
            // sandbox-tamper's trial and one null trial, not a second null trial for sandbox-tamper.
            assertThat(calls.counts()).containsEntry("create", 2);
        }
    }

    @Test
    void trialsThatOnlyLookAroundAreNotGraded() throws Exception {
        // state-reset's two trials fingerprint the file system; the first also leaves two marker files.
        SandboxAuditFixture.task(suite, "ungraded-calls", "Write /app/out.txt.\n", "", TEST_SH, null);
        try (EngineCalls calls = EngineCalls.watch("ungraded-calls")) {
            SandboxAuditFixture.audit(suite, List.of("state-reset"));

            // Nor is any container started that no trial takes: the audit tells the pool which trials are coming.
            assertThat(calls.counts()).containsEntry("extract-to-dir", 2).doesNotContainKey("archive-path")
                    .containsEntry("create", 2);
        }
    }
}

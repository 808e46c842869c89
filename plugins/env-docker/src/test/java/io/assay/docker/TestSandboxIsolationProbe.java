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
class TestSandboxIsolationProbe {
    private static final String PROBE = "sandbox-isolation";
    private static final String TEST_SH = """
            #!/bin/bash
            mkdir -p /logs/verifier
            if [ "$(cat /app/out.txt 2>/dev/null)" = "%s" ]; then echo 1; else echo 0; fi > /logs/verifier/reward.txt
            """;

    @TempDir
    Path temp;

    @Test
    void namesExactlyTheTaskWhoseImageHoldsTheExpectedOutput() {
        List<Finding> findings = of(example("terminal-flawed"), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactly("rank-scores");
        Finding finding = findings.getFirst();
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.abc()).containsExactly("T.5");
        assertThat(finding.message()).contains("/app/.expected/ranking.txt", "Fix:");
        assertThat(found(finding)).containsExactly(Map.of("path", "/app/.expected/ranking.txt",
                "matched", "a copy of tests/expected_ranking.txt", "severity", "error"));
    }

    @Test
    void cleanSuiteHasNoFinding() {
        assertThat(of(example("terminal"), PROBE)).isEmpty();
    }

    @Test
    void findsExpectedValuesCopiesAndTestDirectoriesButNotInputsOrWhatTheInstructionSays() throws Exception {
        String value = "release-2024-alpha";
        task(temp, "value-in-file", "Write the release name to /app/out.txt.\n",
                "RUN echo '" + value + "' > /root/.last_answer\n", TEST_SH.formatted(value), null);
        task(temp, "value-in-input", "Write the failing node's error to /app/out.txt.\n",
                "RUN for i in $(seq 1 40); do echo \"2024-01-01 node-$i INFO all good\"; done > /app/server.log "
                        + "&& echo 'disk-full-on-node-7' >> /app/server.log\n",
                TEST_SH.formatted("disk-full-on-node-7"), null);
        task(temp, "value-in-instruction", "Copy the line 'hello-assay-42' to /app/out.txt.\n",
                "RUN echo 'hello-assay-42' > /app/template.txt\n", TEST_SH.formatted("hello-assay-42"), null);
        task(temp, "tests-in-image", "Write ok to /app/out.txt.\n",
                "RUN mkdir -p /tests && echo 'an old copy of the tests' > /tests/old_test.sh\n",
                TEST_SH.formatted("ok"), null);
        Path solutionCopy = task(temp, "solution-copy", "Write ok to /app/out.txt.\n",
                "COPY helper.sh /opt/helper.sh\n", TEST_SH.formatted("ok"), "#!/bin/bash\necho ok > /app/out.txt\n");
        SandboxAuditFixture.write(solutionCopy.resolve("environment/helper.sh"), "#!/bin/bash\necho ok > /app/out.txt\n");

        List<Finding> findings = of(audit(temp, List.of(PROBE)), PROBE);

        assertThat(findings).extracting(Finding::task)
                .containsExactlyInAnyOrder("value-in-file", "tests-in-image", "solution-copy");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.ERROR));
        assertThat(found(task(findings, "value-in-file"))).containsExactly(Map.of("path", "/root/.last_answer",
                "matched", "holds \"" + value + "\", a value tests/ compares against (file of 19 bytes)",
                "severity", "error"));
        assertThat(found(task(findings, "tests-in-image")).getFirst()).containsEntry("path", "/tests/old_test.sh");
        assertThat(found(task(findings, "solution-copy")).getFirst()).containsEntry("path", "/opt/helper.sh")
                .containsEntry("matched", "a copy of solution/solve.sh");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> found(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("found");
    }
}

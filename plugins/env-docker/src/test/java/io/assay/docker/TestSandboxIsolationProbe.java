package io.assay.docker;

import static io.assay.docker.SandboxAuditFixture.audit;
import static io.assay.docker.SandboxAuditFixture.example;
import static io.assay.docker.SandboxAuditFixture.of;
import static io.assay.docker.SandboxAuditFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
    void namesExactlyTheTasksWhoseImageHoldsTheExpectedOutput() {
        List<Finding> findings = of(example("terminal-flawed"), PROBE);

        assertThat(findings).extracting(Finding::task).containsExactlyInAnyOrder("rank-scores", "invoice-total");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.abc()).containsExactly("T.5");
            assertThat(finding.message()).contains("Fix:");
        });
        Finding rankScores = task(findings, "rank-scores");
        assertThat(rankScores.message()).contains("/app/.expected/ranking.txt");
        assertThat(found(rankScores)).containsExactly(Map.of("path", "/app/.expected/ranking.txt",
                "matched", "a copy of tests/expected_ranking.txt", "severity", "error"));
        // Its tests compute the total, so no literal gives it away: only the reference solution's output does.
        Finding invoiceTotal = task(findings, "invoice-total");
        assertThat(invoiceTotal.evidence()).containsEntry("searched_values", List.of())
                .containsEntry("searched_outputs", List.of("/app/total.txt"));
        assertThat(found(invoiceTotal)).containsExactly(Map.of("path", "/app/.cache/total",
                "matched", "holds the output the reference solution writes to /app/total.txt (file of 6 bytes)",
                "severity", "error"));
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

    @Test
    void findsWholeFileCopiesOfOutputsAndExpectedTextsButNotInputs() throws Exception {
        task(temp, "short-value-hidden", "Write the build number to /app/out.txt.\n",
                "RUN mkdir -p /app/.state && echo 4217 > /app/.state/last\n", TEST_SH.formatted("4217"), null);
        task(temp, "short-value-input", "Write the line count of /app/data/lines to /app/out.txt.\n",
                "RUN mkdir -p /app/data && echo 4217 > /app/data/count\n", TEST_SH.formatted("4217"), null);
        Path python = task(temp, "python-expected", "Write the three stages, one per line, to /app/out.txt.\n",
                "RUN mkdir -p /srv /app/.hidden && printf 'alpha\\nbeta\\ngamma\\n' > /srv/.golden "
                        + "&& echo release-candidate-7 > /app/.hidden/tag\n", TEST_SH.formatted("ok"), null);
        SandboxAuditFixture.write(python.resolve("tests/test_outputs.py"), """
                from pathlib import Path

                EXPECTED = \"\"\"alpha
                beta
                gamma
                \"\"\"


                def test_stages():
                    assert Path("/app/out.txt").read_text() == EXPECTED, "wrong stages"


                def test_tag():
                    assert Path("/app/tag.txt").read_text().strip() == 'release-candidate-7'
                """);
        String summary = "north 41\nsouth 17\n";
        String hashed = """
                #!/bin/bash
                mkdir -p /logs/verifier
                [ "$(sha256sum < /app/out.txt | cut -c1-64)" = "%s" ] && echo 1 > /logs/verifier/reward.txt \
                  || echo 0 > /logs/verifier/reward.txt
                """.formatted(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(summary.getBytes(StandardCharsets.UTF_8))));
        task(temp, "output-elsewhere", "Write the sales summary of /app/sales.csv to /app/out.txt.\n",
                "RUN mkdir -p /var/lib/misc && printf 'north 41\\nsouth 17\\n' > /var/lib/misc/summary\n", hashed,
                "#!/bin/bash\nprintf 'north 41\\nsouth 17\\n' > /app/out.txt\n");
        task(temp, "copied-input", "Set up the service configuration /app/service.conf.\n",
                "RUN printf 'listen = 8080\\nworkers = 4\\n' > /app/template.conf\n", TEST_SH.formatted("ok"),
                "#!/bin/bash\ncp /app/template.conf /app/service.conf\n");

        List<Finding> findings = of(audit(temp, List.of(PROBE)), PROBE);

        assertThat(findings).extracting(Finding::task)
                .containsExactlyInAnyOrder("short-value-hidden", "python-expected", "output-elsewhere");
        assertThat(found(task(findings, "short-value-hidden"))).containsExactly(Map.of("path", "/app/.state/last",
                "matched", "holds only \"4217\", a value tests/ compares against (file of 5 bytes)", "severity", "error"));
        assertThat(found(task(findings, "python-expected"))).containsExactlyInAnyOrder(
                Map.of("path", "/app/.hidden/tag", "matched", "holds \"release-candidate-7\", a value tests/ compares "
                        + "against (file of 20 bytes)", "severity", "error"),
                Map.of("path", "/srv/.golden", "matched", "holds the expected text written out in "
                        + "tests/test_outputs.py (3 lines) (file of 17 bytes)", "severity", "error"));
        assertThat(found(task(findings, "output-elsewhere"))).containsExactly(Map.of("path", "/var/lib/misc/summary",
                "matched", "holds the output the reference solution writes to /app/out.txt (file of 18 bytes)",
                "severity", "error"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> found(Finding finding) {
        return (List<Map<String, Object>>) finding.evidence().get("found");
    }
}

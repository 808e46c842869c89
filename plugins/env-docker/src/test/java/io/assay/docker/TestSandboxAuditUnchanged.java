package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.core.audit.AuditFormats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox probes' report on the example suites is the one they gave before the audit ran its
 * probes at once and copied files with a shell: the same findings, severities, evidence and
 * summary. The expected reports (src/test/resources/audit/) are {@code assay audit --format json}
 * of the code before that change, with the fixture's settings: the five sandbox probes, {@code
 * --repeats 1 --timeout 120s}.
 */
@ExtendWith(DockerRequirement.class)
class TestSandboxAuditUnchanged {
    /**
     * seed-digest writes a random seed when its container starts, which is the flaw state-reset
     * reports; the seed's hashes differ on every audit, so they are left out of the comparison.
     */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANDOM_HASHES = Pattern.compile("\"(first|second)\" ?: ?\"[0-9a-f]{64}\"");
    /**
     * A task image's id is the digest of its layers, which carry the time they were built: the same
     * Dockerfile built on another machine (a fresh CI machine) has another id. Its tag, from the task's
     * content, stays compared.
     */
    private static final Pattern IMAGE_IDS = Pattern.compile("\"id\" ?: ?\"sha256:[0-9a-f]{64}\"");

    @ParameterizedTest
    @ValueSource(strings = {"terminal", "terminal-flawed"})
    void theSandboxProbesReportWhatTheyReportedBefore(String example) throws Exception {
        String report = AuditFormats.json(SandboxAuditFixture.example(example));

        // As trees, since the order of keys in evidence maps is not part of the report; the checklist
        // is left out, since it also names the probes of plugins the command line has and tests do not.
        JsonNode actual = JSON.readTree(comparable(report));
        JsonNode expected = JSON.readTree(comparable(expected(example)));
        assertThat(actual.get("findings")).isEqualTo(expected.get("findings"));
        assertThat(actual.get("summary")).isEqualTo(expected.get("summary"));
    }

    private static String expected(String example) throws IOException {
        try (InputStream stream = TestSandboxAuditUnchanged.class.getResourceAsStream("/audit/" + example + ".json")) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String comparable(String report) {
        String hashes = RANDOM_HASHES.matcher(report.strip()).replaceAll("\"$1\": \"(random)\"");
        return IMAGE_IDS.matcher(hashes).replaceAll("\"id\": \"(built here)\"");
    }
}

package io.assay.docker;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.audit.AuditReport;
import io.assay.launcher.AuditSettings;
import io.assay.core.audit.Auditor;
import io.assay.spi.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audits Harbor suites the way {@code assay audit} does: the real Auditor, with this plugin's
 * loader, docker environment, verifier and probes and the built-in agents, all found on the test
 * class path. The example suites are audited once per test run and shared by the probes' tests.
 */
final class SandboxAuditFixture {
    /** The sandbox probes, by name. */
    static final List<String> PROBES = List.of("sandbox-do-nothing", "sandbox-isolation", "sandbox-tamper",
            "test-sufficiency", "state-reset");
    static final Injector INJECTOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));
    private static final Auditor AUDITOR = INJECTOR.getInstance(Auditor.class);
    private static final Map<String, AuditReport> EXAMPLES = new ConcurrentHashMap<>();

    private SandboxAuditFixture() {
    }

    /** The audit of an example suite by every sandbox probe, made once. */
    static AuditReport example(String name) {
        return EXAMPLES.computeIfAbsent(name, key -> audit(examplePath(key), PROBES));
    }

    /** Audits a suite directory with the named probes. */
    static AuditReport audit(Path suite, List<String> probes) {
        try {
            return AUDITOR.audit(suite, new AuditSettings(1, Duration.ofMinutes(2), probes), probe -> { });
        } catch (Exception e) {
            throw new IllegalStateException("audit of " + suite + " failed", e);
        }
    }

    static Path examplePath(String name) {
        return Path.of(System.getProperty("assay.repoRoot", "../..")).resolve("examples").resolve(name);
    }

    /** The findings of one probe. */
    static List<Finding> of(AuditReport report, String probe) {
        return report.findings().stream().filter(f -> f.probe().equals(probe)).toList();
    }

    /** The finding about one task. */
    static Finding task(List<Finding> findings, String task) {
        return findings.stream().filter(f -> task.equals(f.task())).findFirst()
                .orElseThrow(() -> new AssertionError("no finding names " + task + ": " + findings));
    }

    /**
     * Writes a Harbor task {@code suite/id}: a busybox image with {@code dockerfileLines} added,
     * the test script, and a solution when {@code solve} is not null.
     */
    static Path task(Path suite, String id, String instruction, String dockerfileLines, String testSh, String solve)
            throws IOException {
        Path task = suite.resolve(id);
        write(task.resolve("task.toml"), "version = \"1.0\"\n[agent]\ntimeout_sec = 60.0\n[verifier]\ntimeout_sec = 30.0\n");
        write(task.resolve("instruction.md"), instruction);
        write(task.resolve("environment/Dockerfile"), "FROM assay/busybox:latest\nWORKDIR /app\n" + dockerfileLines);
        write(task.resolve("tests/test.sh"), testSh);
        if (solve != null) {
            write(task.resolve("solution/solve.sh"), solve);
        }
        return task;
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}

package io.assay.tools;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.core.audit.AuditReport;
import io.assay.launcher.AuditSettings;
import io.assay.core.audit.Auditor;
import io.assay.spi.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audits tool suites the way {@code assay audit} does: the real Auditor, with the retail and test
 * ledger environments, the built-in checks and agents, all found on the test class path. Each suite
 * is audited once per test run and shared by the tests.
 */
public final class ToolAuditFixture {
    /** The tool probes, by name. */
    public static final List<String> PROBES = List.of("tool-do-nothing", "tool-database-dump", "tool-gold-replay",
            "tool-state-sensitivity");
    private static final Auditor AUDITOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Auditor.class);
    private static final Map<Path, AuditReport> AUDITS = new ConcurrentHashMap<>();

    private ToolAuditFixture() {
    }

    /** The audit of a suite by every probe (repeats 3), made once. */
    public static AuditReport audit(Path suite) {
        return AUDITS.computeIfAbsent(suite, key -> {
            try {
                return AUDITOR.audit(key, new AuditSettings(3, Duration.ofMinutes(1), List.of()), probe -> { });
            } catch (Exception e) {
                throw new IllegalStateException("audit of " + key + " failed", e);
            }
        });
    }

    /** A test suite under src/test/resources/ledger. */
    public static Path ledger(String name) {
        return Path.of("src/test/resources/ledger").resolve(name);
    }

    /** An example suite of the repository, such as {@code retail} or {@code flawed/retail-do-nothing}. */
    public static Path example(String name) {
        return Path.of(System.getProperty("assay.repoRoot", "../..")).resolve("examples").resolve(name);
    }

    /** The findings of the tool probes that are not information, as "probe task" lines. */
    public static List<String> toolErrors(AuditReport report) {
        return report.findings().stream().filter(f -> PROBES.contains(f.probe()))
                .filter(f -> f.severity() != Finding.Severity.INFO)
                .map(f -> f.probe() + " " + f.task()).toList();
    }

    /** The finding of {@code probe} about {@code task}. */
    public static Finding finding(AuditReport report, String probe, String task) {
        return report.findings().stream().filter(f -> f.probe().equals(probe) && task.equals(f.task())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + probe + " finding names " + task + ": " + report.findings()));
    }
}

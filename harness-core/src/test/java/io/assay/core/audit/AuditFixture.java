package io.assay.core.audit;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.AuditSettings;
import io.assay.spi.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Audits suites the way {@code assay audit} does: the real built-in checks, agents and probes,
 * found on the test class path.
 */
public final class AuditFixture {
    private static final Auditor AUDITOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Auditor.class);

    private AuditFixture() {
    }

    /** Audits a suite directory with every probe, 3 repeats. */
    public static AuditReport audit(Path suite) {
        return audit(suite, List.of());
    }

    /** Audits a suite directory with the named probes only. */
    public static AuditReport audit(Path suite, List<String> probes) {
        return audit(suite, probes, probe -> { });
    }

    /** Audits a suite directory with the named probes only, telling {@code progress} each probe that runs. */
    public static AuditReport audit(Path suite, List<String> probes, Consumer<String> progress) {
        try {
            return AUDITOR.audit(suite, new AuditSettings(3, Duration.ofSeconds(30), probes), progress);
        } catch (Exception e) {
            throw new IllegalStateException("audit of " + suite + " failed", e);
        }
    }

    /** Writes a suite: {@code suite.yaml} text and task lines. */
    public static Path suite(Path directory, String suiteYaml, String... taskLines) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("suite.yaml"), suiteYaml);
            Files.writeString(directory.resolve("tasks.jsonl"), String.join("\n", taskLines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** The examples folder of the repository. */
    public static Path example(String name) {
        return Path.of(System.getProperty("assay.repoRoot", "..")).resolve("examples").resolve(name);
    }

    /** The findings of one probe. */
    public static List<Finding> of(AuditReport report, String probe) {
        return report.findings().stream().filter(f -> f.probe().equals(probe)).toList();
    }
}

package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.AddedProbe;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.InputException;
import io.assay.launcher.TaskSelection;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes a front end adds to one audit run and are reported like the plugins' own, or are named as not run. */
class TestAddedProbes {
    private static final Auditor AUDITOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Auditor.class);

    /** Finds one warning citing R.3 in every suite. */
    private static final AuditProbe SUSPICIOUS = new AuditProbe() {
        @Override
        public String name() {
            return "suspicious";
        }

        @Override
        public List<String> covers() {
            return List.of("R.3");
        }

        @Override
        public List<Finding> audit(AuditContext context) {
            return List.of(new Finding(name(), List.of("R.3"), Finding.Severity.WARNING, null, "looks memorised", Map.of()));
        }
    };

    private static AuditReport audit(List<String> probes, AddedProbe added, List<String> started) throws Exception {
        return AUDITOR.audit(AuditFixture.example("multiple-choice"), new AuditSettings(1, Duration.ofSeconds(30), probes,
                TaskSelection.ALL, 0, Options.empty(), Map.of(), List.of(added)), started::add);
    }

    private static ChecklistItem r3(AuditReport report) {
        return report.checklist().stream().filter(item -> item.item().equals("R.3")).findFirst().orElseThrow();
    }

    @Test
    void anAddedProbeRunsAndIsReportedLikeAnyOther() throws Exception {
        List<String> started = new ArrayList<>();
        AuditReport report = audit(List.of("reporting", "suspicious"), AddedProbe.of(SUSPICIOUS), started);

        assertThat(started).containsExactly("reporting", "suspicious");
        assertThat(report.findings()).extracting(Finding::probe).contains("suspicious");
        assertThat(r3(report)).isEqualTo(new ChecklistItem("R.3", ChecklistItem.Status.WARNING,
                List.of("reporting", "suspicious"), "1 warning"));
    }

    @Test
    void anUnavailableProbeIsNamedAsNotRunAndItsItemIsNotChecked() throws Exception {
        List<String> started = new ArrayList<>();
        AuditReport report = audit(List.of(), AddedProbe.unavailable("suspicious", List.of("R.3"), "needs --model"), started);

        assertThat(started).contains("reporting").doesNotContain("suspicious");
        assertThat(report.summary().get("not_run")).isEqualTo(Map.of("suspicious", "needs --model"));
        assertThat(r3(report)).isEqualTo(new ChecklistItem("R.3", ChecklistItem.Status.NOT_CHECKED, List.of("suspicious"),
                "suspicious needs --model"));
        assertThat(AuditFormats.text(report)).contains("\nNot run: suspicious (needs --model)\n");
    }

    @Test
    void anUnavailableProbeLeftOutByProbeIsNotSelectedAndUnknownNamesListIt() throws Exception {
        AddedProbe unavailable = AddedProbe.unavailable("suspicious", List.of("R.3"), "needs --model");
        AuditReport report = audit(List.of("reporting"), unavailable, new ArrayList<>());

        assertThat(report.summary()).doesNotContainKey("not_run");
        assertThat(r3(report).status()).isEqualTo(ChecklistItem.Status.PASS);
        assertThatThrownBy(() -> audit(List.of("telepathy"), unavailable, new ArrayList<>()))
                .isInstanceOf(InputException.class).hasMessageContaining("suspicious");
    }
}

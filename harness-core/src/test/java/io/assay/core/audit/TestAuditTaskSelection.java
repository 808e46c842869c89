package io.assay.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.InputException;
import io.assay.launcher.TaskSelection;
import io.assay.spi.Finding;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code assay audit --task/--filter/--sample/--limit}: the probes see only the selected tasks. */
class TestAuditTaskSelection {
    private static final Auditor AUDITOR = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()))
            .getInstance(Auditor.class);

    private static AuditReport audit(TaskSelection selection, long seed) throws Exception {
        return AUDITOR.audit(AuditFixture.example("flawed/leakage"),
                new AuditSettings(1, Duration.ofSeconds(30), List.of("leakage"), selection, seed,
                        Options.empty(), Map.of()), probe -> { });
    }

    @Test
    void probesSeeOnlyTheSelectedTasksAndTheSummaryCountsThem() throws Exception {
        AuditReport report = audit(TaskSelection.parse(List.of("cookies-*", "marbles"), List.of(), null, null), 0);
        int suiteTasks = Files.readAllLines(AuditFixture.example("flawed/leakage").resolve("tasks.jsonl")).size();

        assertThat(report.findings()).extracting(Finding::task).containsExactly("cookies-left");
        assertThat(report.summary()).containsEntry("tasks", 2).containsEntry("suite_tasks", suiteTasks)
                .containsEntry("selection", TaskSelection.parse(List.of("cookies-*", "marbles"), List.of(), null, null))
                .doesNotContainKey("seed");
        assertThat(audit(TaskSelection.ALL, 0).summary()).containsEntry("tasks", suiteTasks).doesNotContainKey("suite_tasks");
    }

    @Test
    void aSampledAuditRecordsItsSeed() throws Exception {
        TaskSelection sample = TaskSelection.parse(List.of(), List.of(), 3, null);

        AuditReport report = audit(sample, 5);

        assertThat(report.summary()).containsEntry("tasks", 3).containsEntry("seed", 5L);
        assertThat(audit(sample, 5).findings()).isEqualTo(report.findings());
    }

    @Test
    void aSelectionOfNothingIsAnError() {
        assertThatThrownBy(() -> audit(TaskSelection.parse(List.of("cookie"), List.of(), null, null), 0))
                .isInstanceOf(InputException.class)
                .hasMessage("--task cookie matches no task of suite mixed-homework");
    }
}

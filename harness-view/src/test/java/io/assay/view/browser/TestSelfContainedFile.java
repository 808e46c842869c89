package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.view.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained HTML files ({@code assay report --format html}, {@code assay audit --format
 * html}) opened from {@code file:} with the browser cut off the network: they render everything
 * from what they hold, load nothing over HTTP, and forbid the network by their own policy.
 */
class TestSelfContainedFile {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TempDir
    static Path work;
    static Fixtures.MixedRuns runs;
    static Path runFile;
    static Path auditFile;

    @BeforeAll
    static void writeTheFiles() throws Exception {
        runs = Fixtures.mixedRuns(work);
        runFile = Files.writeString(work.resolve("run.html"), HtmlReport.run(runs.scripted()));
        auditFile = Files.writeString(work.resolve("audit.html"), HtmlReport.audit(Files.readString(Fixtures.auditReport(work))));
    }

    @Test
    void theRunFileRendersTheRunPageOfflineWithItsCharts() throws Exception {
        CHROMIUM.offline();

        CHROMIUM.open(runFile.toUri().toString());

        CHROMIUM.waitForPage("run");
        assertThat(CHROMIUM.text("#score")).contains(TestNavigation.score(Fixtures.summary(runs.scripted())));
        assertThat(CHROMIUM.drawn("canvas#passk-chart")).as("pass@k chart drawn").isTrue();
        assertThat(CHROMIUM.drawn("canvas.segment-chart[data-key=difficulty]")).as("difficulty chart drawn").isTrue();
        assertNothingLoadedOverTheNetwork();
    }

    @Test
    void theRunFileHoldsTheTasksAndTheirTranscripts() throws Exception {
        CHROMIUM.offline();
        CHROMIUM.open(runFile.toUri().toString());
        CHROMIUM.waitForPage("run");

        CHROMIUM.find("a#tasks-link").click();
        CHROMIUM.waitForPage("tasks");
        assertThat(CHROMIUM.text("#tasks-count")).isEqualTo("12 of 12 tasks");
        CHROMIUM.find("table#tasks tbody tr[data-task-id='9'] a.task-link").click();
        CHROMIUM.waitForPage("trial");

        JsonNode first = Fixtures.trials(runs.scripted(), "9").getFirst();
        assertThat(Chromium.content(CHROMIUM.find("section.trial[data-epoch='0'] .reward-explanation")))
                .contains(first.path("reward").path("explanation").asText());
        assertNothingLoadedOverTheNetwork();
    }

    @Test
    void aPageTheFileLacksSaysItIsOnlyInTheViewer() {
        CHROMIUM.offline();
        CHROMIUM.open(runFile.toUri().toString());
        CHROMIUM.waitForPage("run");

        CHROMIUM.open(runFile.toUri() + "#/compare/mixed-scripted/mixed-oracle");

        CHROMIUM.waitForPage("error");
        assertThat(CHROMIUM.text("#error")).contains("assay view");
    }

    @Test
    void theAuditFileRendersTheAuditPageOffline() throws Exception {
        JsonNode report = Fixtures.JSON.readTree(Fixtures.auditReport(work).toFile());
        CHROMIUM.offline();

        CHROMIUM.open(auditFile.toUri().toString());

        CHROMIUM.waitForPage("audit");
        assertThat(CHROMIUM.text("#audit-title")).contains("capitals-and-facts");
        assertThat(CHROMIUM.findAll("table#checklist tbody tr[data-item]")).hasSize(report.path("checklist").size());
        assertThat(CHROMIUM.findAll("div.finding")).hasSize(report.path("findings").size());
        assertNothingLoadedOverTheNetwork();
    }

    @Test
    void eachFileForbidsTheNetworkAndForeignScriptsByItsOwnPolicy() {
        for (Path file : List.of(runFile, auditFile)) {
            CHROMIUM.open(file.toUri().toString());
            CHROMIUM.waitForAnyPage();

            String policy = (String) CHROMIUM.script(
                    "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content");
            assertThat(policy).as(file.toString()).contains("default-src 'none'", "connect-src 'none'")
                    .doesNotContain("unsafe-eval", "http:", "https:", "*");
            assertThat(policy.replaceAll(".*script-src ([^;]*);.*", "$1").split(" ")).as(file.toString())
                    .allMatch(source -> source.startsWith("'sha256-"));
        }
    }

    private static void assertNothingLoadedOverTheNetwork() {
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) CHROMIUM.script(
                "return performance.getEntriesByType('resource').map(entry => entry.name)");
        assertThat(resources).noneMatch(name -> name.startsWith("http:") || name.startsWith("https:") || name.startsWith("ws"));
        assertThat(CHROMIUM.driver().getCurrentUrl()).startsWith("file:");
    }
}

package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.view.ViewServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A user's way through {@code assay view}, by clicking: the runs page, a run, its tasks (filtered and
 * searched), one task's transcripts, the audit report and the comparison of two runs. What each page
 * shows is checked against the run folders themselves, read without the viewer.
 */
class TestNavigation {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TempDir
    static Path work;
    static Fixtures.MixedRuns runs;
    static Path audit;
    @AutoClose
    static ViewServer viewer;

    @BeforeAll
    static void startTheViewer() throws Exception {
        runs = Fixtures.mixedRuns(work);
        audit = Fixtures.auditReport(work);
        viewer = ViewServer.start(List.of(Fixtures.served(work)), "127.0.0.1", 0);
    }

    @Test
    void theRunsPageListsBothRunsWithTheirScoresAndFiltersThem() throws Exception {
        String scripted = Api.runId(viewer.uri(), runs.scripted());
        String oracle = Api.runId(viewer.uri(), runs.oracle());

        openRuns();

        assertThat(runRows()).containsExactlyInAnyOrder(scripted, oracle);
        assertThat(runRow(scripted).getText()).contains("scripted", score(Fixtures.summary(runs.scripted())));
        assertThat(runRow(oracle).getText()).contains("oracle", score(Fixtures.summary(runs.oracle())));
        CHROMIUM.find("input#runs-filter").sendKeys("ORACLE");
        CHROMIUM.waitFor("the scripted run's row to be filtered out", d -> !runRow(scripted).isDisplayed());
        assertThat(runRow(oracle).isDisplayed()).isTrue();
    }

    @Test
    void sortingByScoreOrdersTheRunsAndAClickMoreReversesThem() throws Exception {
        String scripted = Api.runId(viewer.uri(), runs.scripted());
        String oracle = Api.runId(viewer.uri(), runs.oracle());
        openRuns();

        CHROMIUM.find("table#runs thead th[data-sort=score]").click();
        List<String> once = runRows();
        CHROMIUM.find("table#runs thead th[data-sort=score]").click();
        List<String> twice = runRows();

        assertThat(once).isIn(List.of(scripted, oracle), List.of(oracle, scripted));
        assertThat(twice).isEqualTo(once.reversed());
    }

    @Test
    void theRunPageShowsTheScoreWithItsIntervalOutcomesAndDrawnCharts() throws Exception {
        JsonNode summary = Fixtures.summary(runs.scripted());
        openRuns();

        runRow(Api.runId(viewer.uri(), runs.scripted())).findElement(By.cssSelector("a.run-link")).click();
        CHROMIUM.waitForPage("run");

        assertThat(CHROMIUM.text("#score")).contains(score(summary));
        assertThat(CHROMIUM.text("#progress")).contains("36 / 36");
        assertThat(CHROMIUM.text("#status")).contains("completed");
        assertThat(CHROMIUM.text("table#outcomes tr[data-outcome=completed]")).contains(summary.path("outcomes").path("completed").asText());
        assertThat(CHROMIUM.text("table#outcomes tr[data-outcome=agent_error]")).contains(summary.path("outcomes").path("agent_error").asText());
        assertThat(CHROMIUM.drawn("canvas#passk-chart")).as("pass@k chart drawn").isTrue();
        assertThat(CHROMIUM.drawn("canvas.segment-chart[data-key=difficulty]")).as("difficulty chart drawn").isTrue();
        assertThat(CHROMIUM.drawn("canvas.segment-chart[data-key=topic]")).as("topic chart drawn").isTrue();
        assertThat(CHROMIUM.text("table.segment-table[data-key=difficulty]")).contains("easy", "medium", "hard");
        assertThat(Chromium.content(CHROMIUM.find("pre#manifest"))).contains("\"agent\"", "scripted");
    }

    @Test
    void theTasksPageFiltersByStatusSegmentAndSearch() throws Exception {
        openRun(runs.scripted());
        CHROMIUM.find("a#tasks-link").click();
        CHROMIUM.waitForPage("tasks");

        assertThat(CHROMIUM.text("#tasks-count")).isEqualTo("12 of 12 tasks");
        assertThat(taskRows()).containsExactlyElementsOf(Fixtures.MIXED.keySet());
        assertThat(outcomes("8")).containsExactly("passed", "failed", "passed");
        assertThat(outcomes("11")).containsExactly("failed", "failed", "failed");

        new Select(CHROMIUM.find("select#task-status")).selectByValue("failed");
        waitForCount("5 of 12 tasks");
        assertThat(taskRows()).containsExactly("6", "8", "9", "10", "11");

        CHROMIUM.find("input#task-search").sendKeys("1");
        waitForCount("2 of 12 tasks");
        assertThat(taskRows()).containsExactly("10", "11");

        new Select(CHROMIUM.find("select#task-status")).selectByValue("all");
        waitForCount("4 of 12 tasks");
        assertThat(taskRows()).containsExactly("1", "10", "11", "12");

        CHROMIUM.find("input#task-search").sendKeys(Keys.BACK_SPACE);
        waitForCount("12 of 12 tasks");
        new Select(CHROMIUM.find("select#task-segment")).selectByValue("difficulty=hard");
        waitForCount("4 of 12 tasks");
        assertThat(taskRows()).containsExactly("3", "6", "9", "12");
        assertThat(CHROMIUM.driver().getCurrentUrl()).contains("segment=difficulty%3Dhard");
    }

    @Test
    void aSearchTypedJustBeforeAnotherFilterChangesIsKept() throws Exception {
        CHROMIUM.open(viewer.uri() + "#/run/" + Api.runId(viewer.uri(), runs.scripted()) + "/tasks");
        CHROMIUM.waitForPage("tasks");

        // Within the search's debounce: typing, then picking a status at once, as a quick user does.
        CHROMIUM.script("""
                const search = document.getElementById('task-search');
                search.focus();
                search.value = '1';
                search.dispatchEvent(new Event('input', {bubbles: true}));
                const status = document.getElementById('task-status');
                status.focus();
                status.value = 'failed';
                status.dispatchEvent(new Event('change', {bubbles: true}));""");

        waitForCount("2 of 12 tasks");
        assertThat(taskRows()).containsExactly("10", "11");
        assertThat(CHROMIUM.find("input#task-search").getDomProperty("value")).isEqualTo("1");
    }

    @Test
    void aTasksTranscriptShowsEachEpochsAnswerAndTheRewardsExplanation() throws Exception {
        openRun(runs.scripted());
        CHROMIUM.find("a#tasks-link").click();
        CHROMIUM.waitForPage("tasks");

        CHROMIUM.find("table#tasks tbody tr[data-task-id='8'] a.task-link").click();
        CHROMIUM.waitForPage("trial");

        List<JsonNode> trials = Fixtures.trials(runs.scripted(), "8");
        assertThat(CHROMIUM.findAll("section.trial")).hasSize(Fixtures.EPOCHS);
        for (JsonNode trial : trials) {
            WebElement section = CHROMIUM.find("section.trial[data-epoch='" + trial.path("epoch").asInt() + "']");
            assertThat(Chromium.content(section.findElement(By.cssSelector(".answer"))))
                    .contains(trial.path("output").path("answer").asText());
            assertThat(Chromium.content(section.findElement(By.cssSelector(".reward-explanation"))))
                    .contains(trial.path("reward").path("explanation").asText());
        }
        assertThat(CHROMIUM.text("section.trial[data-epoch='1'] .answer")).contains("The sum is 43"); // 18 + 24, wrong by one
        assertThat(CHROMIUM.text("nav#crumbs")).contains("8");
    }

    @Test
    void anAgentErrorsTranscriptShowsTheError() throws Exception {
        openRun(runs.scripted());
        CHROMIUM.find("a#tasks-link").click();
        CHROMIUM.waitForPage("tasks");

        CHROMIUM.find("table#tasks tbody tr[data-task-id='11'] a.task-link").click();
        CHROMIUM.waitForPage("trial");

        String error = Fixtures.trials(runs.scripted(), "11").getFirst().path("error").asText();
        assertThat(error).isNotBlank();
        assertThat(Chromium.content(CHROMIUM.find("section.trial[data-epoch='0'] .trial-error"))).contains(error);
        assertThat(CHROMIUM.text("section.trial[data-epoch='0'] .trial-outcome")).contains("agent_error");
    }

    @Test
    void theAuditPageShowsTheChecklistStatusesAndTheFindingsGroupedByCause() throws Exception {
        JsonNode report = Fixtures.JSON.readTree(audit.toFile());
        openRuns();

        CHROMIUM.find("table#audits tbody tr[data-audit-id] a.audit-link").click();
        CHROMIUM.waitForPage("audit");

        assertThat(CHROMIUM.text("#audit-title")).contains("capitals-and-facts");
        for (JsonNode item : report.path("checklist")) {
            assertThat(CHROMIUM.text("table#checklist tbody tr[data-item='" + item.path("item").asText() + "'] td.status"))
                    .as(item.path("item").asText()).isEqualTo(item.path("status").asText());
        }
        assertThat(CHROMIUM.findAll("div.finding")).hasSize(report.path("findings").size());
        Map<String, Integer> byCause = new HashMap<>();
        for (JsonNode finding : report.path("findings")) {
            if (finding.hasNonNull("cause")) {
                byCause.merge(finding.path("cause").asText(), 1, Integer::sum);
            }
        }
        assertThat(byCause).isNotEmpty();
        byCause.forEach((cause, count) -> {
            List<WebElement> groups = CHROMIUM.findAll("section.cause-group").stream()
                    .filter(group -> group.findElement(By.cssSelector("h3.cause-heading")).getText().equals(cause))
                    .toList();
            assertThat(groups).as(cause).hasSize(1);
            assertThat(groups.getFirst().findElements(By.cssSelector("div.finding"))).as(cause).hasSize(count);
        });
        JsonNode stuffing = report.path("findings").get(0);
        WebElement finding = CHROMIUM.find("div.finding[data-probe='" + stuffing.path("probe").asText() + "']");
        assertThat(finding.getDomAttribute("data-severity")).isEqualTo(stuffing.path("severity").asText());
        assertThat(Chromium.content(finding)).contains(stuffing.path("message").asText());
    }

    @Test
    void comparingTheTwoRunsShowsTheFlipsAndThePairedDifference() throws Exception {
        String scripted = Api.runId(viewer.uri(), runs.scripted());
        String oracle = Api.runId(viewer.uri(), runs.oracle());
        openRuns();

        runRow(scripted).findElement(By.cssSelector("input.compare-pick")).click();
        assertThat(CHROMIUM.find("button#compare-button").isEnabled()).isFalse();
        runRow(oracle).findElement(By.cssSelector("input.compare-pick")).click();
        CHROMIUM.find("button#compare-button").click();
        CHROMIUM.waitForPage("compare");

        boolean scriptedIsA = CHROMIUM.driver().getCurrentUrl().contains("#/compare/" + scripted + "/");
        Path a = scriptedIsA ? runs.scripted() : runs.oracle();
        Path b = scriptedIsA ? runs.oracle() : runs.scripted();
        Map<String, Double> meansA = Fixtures.meanScores(a);
        Map<String, Double> meansB = Fixtures.meanScores(b);
        double difference = meansA.keySet().stream().mapToDouble(task -> meansB.get(task) - meansA.get(task)).average().orElseThrow();
        String towardsOracle = scriptedIsA ? "better" : "worse";

        String paired = CHROMIUM.text("#paired");
        assertThat(paired).contains(String.format(Locale.ROOT, "%.3f", Math.abs(difference)), "12 tasks");
        assertThat(paired.substring(paired.indexOf('=') + 1).trim().startsWith("−")).as(paired).isEqualTo(difference < 0);
        for (String alwaysFailed : List.of("6", "9", "11")) {
            assertThat(CHROMIUM.text("table#flips tbody tr[data-task-id='" + alwaysFailed + "'] td.direction"))
                    .as(alwaysFailed).isEqualTo(towardsOracle);
        }
        assertThat(CHROMIUM.findAll("table#flips tbody tr[data-task-id='1']")).as("a task passed by both").isEmpty();
        long towards = CHROMIUM.findAll("table#flips tbody td.direction").stream().filter(cell -> cell.getText().equals(towardsOracle)).count();
        assertThat(CHROMIUM.text("#flip-counts")).contains(towards + " " + towardsOracle);
    }

    private static void openRuns() {
        CHROMIUM.open(viewer.uri() + "#/runs");
        CHROMIUM.waitForPage("runs");
    }

    private static void openRun(Path run) throws Exception {
        CHROMIUM.open(viewer.uri() + "#/run/" + Api.runId(viewer.uri(), run));
        CHROMIUM.waitForPage("run");
    }

    private static List<String> runRows() {
        return CHROMIUM.findAll("table#runs tbody tr[data-run-id]").stream().map(row -> row.getDomAttribute("data-run-id")).toList();
    }

    private static WebElement runRow(String id) {
        return CHROMIUM.findAll("table#runs tbody tr[data-run-id]").stream()
                .filter(row -> id.equals(row.getDomAttribute("data-run-id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for run " + id + " among " + runRows()));
    }

    private static List<String> taskRows() {
        return CHROMIUM.findAll("table#tasks tbody tr[data-task-id]").stream().map(row -> row.getDomAttribute("data-task-id")).toList();
    }

    private static List<String> outcomes(String task) {
        List<String> statuses = new ArrayList<>();
        for (WebElement span : CHROMIUM.findAll("table#tasks tbody tr[data-task-id='" + task + "'] span.trial-outcome")) {
            String classes = span.getDomAttribute("class");
            statuses.add(classes.contains("passed") ? "passed" : classes.contains("error") ? "error" : classes.contains("failed") ? "failed" : classes);
        }
        return statuses;
    }

    private static void waitForCount(String count) {
        CHROMIUM.waitFor("#tasks-count to say " + count, d -> CHROMIUM.text("#tasks-count").equals(count));
    }

    /** A score as the pages write it: mean and 95% interval to three decimals. */
    static String score(JsonNode summary) {
        JsonNode score = summary.path("score");
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", score.path("mean").asDouble(),
                score.path("ci95").get(0).asDouble(), score.path("ci95").get(1).asDouble());
    }
}

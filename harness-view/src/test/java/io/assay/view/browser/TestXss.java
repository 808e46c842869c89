package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.view.HtmlReport;
import io.assay.view.ViewServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * A run whose every text is hostile (task ids, prompts, metadata keys and values, the agent's
 * replies, the check's explanations: {@code <script>} and {@code <img onerror>} payloads, see
 * {@link Fixtures#xssRun}) is shown, in {@code assay view} and in the self-contained file, without
 * anything in it running: no script ran, no alert opened, no element with an event handler exists,
 * and the payloads are there as text. The Content-Security-Policy is turned off in these tabs, so
 * the proof is the pages' escaping, not the policy catching what the escaping let through.
 */
class TestXss {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TempDir
    static Path work;
    static Path run;
    @AutoClose
    static ViewServer viewer;

    @BeforeAll
    static void startTheViewer() throws Exception {
        run = Fixtures.xssRun(work);
        viewer = ViewServer.start(List.of(Fixtures.served(work)), "127.0.0.1", 0);
    }

    @Test
    void nothingARunSaysRunsOnAnyPageOfTheViewer() throws Exception {
        CHROMIUM.bypassContentSecurityPolicy();
        CHROMIUM.open(viewer.uri() + "#/runs");
        CHROMIUM.waitForPage("runs");
        assertNothingRan("runs");

        CHROMIUM.find("table#runs tbody tr[data-run-id] a.run-link").click();
        walkFromTheRunPage();
    }

    @Test
    void nothingARunSaysRunsInTheSelfContainedFile() throws Exception {
        Path file = Files.writeString(work.resolve("xss.html"), HtmlReport.run(run));
        CHROMIUM.bypassContentSecurityPolicy();
        CHROMIUM.offline();

        CHROMIUM.open(file.toUri().toString());

        walkFromTheRunPage();
        JsonNode embedded = Fixtures.JSON.readTree((String) CHROMIUM.script("return document.getElementById('assay-data').textContent"));
        assertThat(embedded.path("api").isObject()).as("the embedded data is whole, valid JSON").isTrue();
    }

    /** The run page, the tasks page and every task's transcript, each checked before going on. */
    private static void walkFromTheRunPage() throws Exception {
        CHROMIUM.waitForPage("run");
        assertNothingRan("run");
        List<String> keys = stringList(CHROMIUM.script(
                "return [...document.querySelectorAll('canvas.segment-chart')].map(c => c.dataset.key)"));
        assertThat(keys).as("a metadata key that is markup names its chart as text").contains(Fixtures.PAYLOADS.get(1));
        assertThat(Chromium.content(CHROMIUM.find("main#page"))).contains(Fixtures.PAYLOADS.get(0));

        CHROMIUM.find("a#tasks-link").click();
        CHROMIUM.waitForPage("tasks");
        assertNothingRan("tasks");
        List<WebElement> links = CHROMIUM.findAll("table#tasks tbody a.task-link");
        assertThat(links).extracting(Chromium::content).contains(Fixtures.PAYLOADS.get(1));
        Map<String, JsonNode> trials = Fixtures.trials(run).stream().collect(Collectors.toMap(
                trial -> trial.path("task").asText(), trial -> trial));

        for (int i = 0; i < trials.size(); i++) {
            WebElement row = CHROMIUM.findAll("table#tasks tbody tr[data-task-id]").get(i);
            String task = row.getDomAttribute("data-task-id");
            row.findElement(By.cssSelector("a.task-link")).click();
            CHROMIUM.waitForPage("trial");
            assertNothingRan("the transcript of " + task);
            assertThat(Chromium.content(CHROMIUM.find("section.trial .answer"))).as(task)
                    .contains(trials.get(task).path("output").path("answer").asText());
            assertThat(Chromium.content(CHROMIUM.find("section.trial .reward-explanation"))).as(task)
                    .contains(trials.get(task).path("reward").path("explanation").asText());
            CHROMIUM.driver().navigate().back();
            CHROMIUM.waitForPage("tasks");
        }
        assertThat(trials.values()).extracting(trial -> trial.path("output").path("answer").asText())
                .as("the walk saw every payload").containsAll(Fixtures.PAYLOADS);
    }

    private static void assertNothingRan(String page) {
        assertThatThrownBy(() -> CHROMIUM.driver().switchTo().alert()).as("an alert on the " + page + " page")
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(CHROMIUM.script("return typeof window.__xss")).as("window.__xss on the " + page + " page").isEqualTo("undefined");
        assertThat(stringList(CHROMIUM.script("""
                return [...document.querySelectorAll('*')].flatMap(element => [...element.attributes]
                    .filter(attribute => attribute.name.toLowerCase().startsWith('on'))
                    .map(attribute => element.tagName + ' ' + attribute.name + '=' + attribute.value))""")))
                .as("elements with event handlers on the " + page + " page").isEmpty();
        assertThat(CHROMIUM.findAll("img[src=x], svg, iframe, object, embed")).as("injected elements on the " + page + " page").isEmpty();
        assertThat(stringList(CHROMIUM.script("""
                return [...document.scripts].filter(script => script.id !== 'assay-data')
                    .map(script => script.src || script.textContent).filter(text => text.includes('__xss'))""")))
                .as("scripts made of run text on the " + page + " page").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return (List<String>) value;
    }
}

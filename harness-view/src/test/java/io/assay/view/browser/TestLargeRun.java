package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.view.ViewServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * A run of 100,000 trials (20,000 tasks, 5 epochs; every tenth task failed) in the viewer: the run
 * and tasks pages open, count everything, page 100 tasks at a time and filter the whole list. The
 * times are printed for docs/performance.md, not asserted: a loaded CI machine is no measure. The
 * tests go in a user's order, so the first time printed includes reading the run for the first time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestLargeRun {
    private static final int TASKS = 20_000;
    private static final int EPOCHS = 5;

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TempDir
    static Path work;
    static String id;
    @AutoClose
    static ViewServer viewer;

    @BeforeAll
    static void startTheViewer() throws Exception {
        long start = System.nanoTime();
        Path run = Fixtures.largeRun(work, TASKS, EPOCHS);
        System.out.printf("large run: %,d trials made in %.1f s%n", TASKS * EPOCHS, seconds(start));
        viewer = ViewServer.start(List.of(Fixtures.served(work)), "127.0.0.1", 0);
        id = Api.runId(viewer.uri(), run);
    }

    @Test
    @Order(1)
    void theRunPageCountsEveryTrial() {
        long start = System.nanoTime();
        CHROMIUM.open(viewer.uri() + "#/run/" + id);
        CHROMIUM.waitForPage("run");
        System.out.printf("large run: run page shown in %.2f s (the run read for the first time)%n", seconds(start));

        assertThat(digits(CHROMIUM.text("#progress"))).contains("100000 / 100000");
        assertThat(CHROMIUM.text("#pass-rate")).containsAnyOf("0.900", "90.0%", "90%");
        assertThat(CHROMIUM.drawn("canvas.segment-chart[data-key=parity]")).isTrue();
    }

    @Test
    @Order(2)
    void theTasksPageShowsTwentyThousandTasksAHundredAtATime() {
        long start = System.nanoTime();
        CHROMIUM.open(viewer.uri() + "#/run/" + id + "/tasks");
        CHROMIUM.waitForPage("tasks");
        System.out.printf("large run: tasks page shown in %.2f s%n", seconds(start));

        assertThat(digits(CHROMIUM.text("#tasks-count"))).isEqualTo("20000 of 20000 tasks");
        assertThat(digits(CHROMIUM.text("#page-number"))).isEqualTo("page 1 of 200");
        assertThat(taskRows()).containsExactlyElementsOf(ids(1, 100));
        assertThat(CHROMIUM.findAll("table#tasks tbody tr[data-task-id='10'] span.trial-outcome.failed")).hasSize(EPOCHS);

        double millis = inPage("document.querySelector('#next-page').click()", "#page-number");
        CHROMIUM.waitFor("page 2", d -> digits(CHROMIUM.text("#page-number")).equals("page 2 of 200"));
        System.out.printf("large run: next page drawn %.0f ms after the click%n", millis);
        assertThat(taskRows()).containsExactlyElementsOf(ids(101, 200));

        CHROMIUM.find("button#prev-page").click();
        CHROMIUM.waitFor("page 1", d -> digits(CHROMIUM.text("#page-number")).equals("page 1 of 200"));
        assertThat(taskRows()).first().isEqualTo("1");
        assertThat(CHROMIUM.find("button#prev-page").isEnabled()).as("previous on the first page").isFalse();
    }

    @Test
    @Order(3)
    void theLastPageHasTheLastTasksAndNoNextPage() {
        CHROMIUM.open(viewer.uri() + "#/run/" + id + "/tasks?page=200");
        CHROMIUM.waitForPage("tasks");

        assertThat(digits(CHROMIUM.text("#page-number"))).isEqualTo("page 200 of 200");
        assertThat(taskRows()).containsExactlyElementsOf(ids(19_901, 20_000));
        assertThat(CHROMIUM.find("button#next-page").isEnabled()).as("next on the last page").isFalse();
        assertThat(CHROMIUM.find("button#prev-page").isEnabled()).isTrue();
    }

    @Test
    @Order(4)
    void filteringSearchesTheWholeRun() {
        CHROMIUM.open(viewer.uri() + "#/run/" + id + "/tasks");
        CHROMIUM.waitForPage("tasks");

        double millis = inPage("const s = document.querySelector('#task-status'); s.value = 'failed';"
                + " s.dispatchEvent(new Event('change', {bubbles: true}))", "#tasks-count");
        CHROMIUM.waitFor("2000 failed tasks", d -> digits(CHROMIUM.text("#tasks-count")).equals("2000 of 20000 tasks"));
        System.out.printf("large run: failed filter drawn %.0f ms after the change%n", millis);
        assertThat(taskRows()).hasSize(100).allMatch(task -> Integer.parseInt(task) % 10 == 0).first().isEqualTo("10");
        assertThat(digits(CHROMIUM.text("#page-number"))).isEqualTo("page 1 of 20");

        new Select(CHROMIUM.find("select#task-status")).selectByValue("all");
        long start = System.nanoTime();
        CHROMIUM.find("input#task-search").sendKeys("1999");
        List<String> expected = IntStream.rangeClosed(1, TASKS).mapToObj(String::valueOf).filter(task -> task.contains("1999")).toList();
        CHROMIUM.waitFor("the search", d -> digits(CHROMIUM.text("#tasks-count")).equals(expected.size() + " of 20000 tasks"));
        System.out.printf("large run: search shown in %.2f s (150 ms of it the wait for more keys)%n", seconds(start));
        assertThat(taskRows()).containsExactlyElementsOf(expected);
        assertThat(digits(CHROMIUM.text("#page-number"))).isEqualTo("page 1 of 1");
    }

    /**
     * Milliseconds from running {@code action} in the page until the text of {@code watched}
     * changes, timed by the page's own clock, so WebDriver's round trips are not counted.
     */
    private static double inPage(String action, String watched) {
        Object millis = CHROMIUM.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const before = document.querySelector(arguments[0]).textContent;
                const started = performance.now();
                const observer = new MutationObserver(() => {
                  const now = document.querySelector(arguments[0]);
                  if (now && now.textContent !== before) { observer.disconnect(); done(performance.now() - started); }
                });
                observer.observe(document.body, {subtree: true, childList: true, characterData: true});
                """ + action + ";", watched);
        return ((Number) millis).doubleValue();
    }

    private static List<String> taskRows() {
        return CHROMIUM.findAll("table#tasks tbody tr[data-task-id]").stream().map(row -> row.getDomAttribute("data-task-id")).toList();
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    /** The text with thousands separators taken out of numbers ({@code 20,000} is {@code 20000}). */
    private static String digits(String text) {
        return text.replaceAll("(?<=\\d)[,\\u00a0\\u202f](?=\\d{3})", "");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

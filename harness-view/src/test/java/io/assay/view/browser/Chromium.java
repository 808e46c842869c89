package io.assay.view.browser;

import io.assay.testkit.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver, for the viewer's page tests: one
 * browser per test class (starting one takes a second or two), a fresh tab per test. Skips the class,
 * saying why, when the browser or its driver is missing, and fails it instead with
 * {@code ASSAY_REQUIRE_BROWSER=1} (set by {@code .ci/run}), so CI proves the page tests ran, as
 * {@code DockerRequirement} does for the container tests. Nothing is downloaded: the driver is named,
 * so Selenium Manager is never asked for one (there is no network where the tests run).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Chromium CHROMIUM = new Chromium();
 *
 * @Test
 * void showsTheRuns() {
 *     CHROMIUM.open(server.uri() + "#/runs");
 *     CHROMIUM.waitForPage("runs");
 * }
 * }</pre>
 */
public final class Chromium implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Requirement BROWSER_REQUIREMENT = new Requirement("ASSAY_REQUIRE_BROWSER");
    /** Width and height of the page area, and so of every screenshot. */
    static final int WIDTH = 1400;
    static final int HEIGHT = 1000;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);

    private ChromeDriver driver;
    private boolean offline;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(missing(BROWSER, DRIVER), BROWSER_REQUIREMENT.required());
    }

    /** Runs the tests when nothing is {@code missing}; else skips them, or fails them when the browser is {@code required}. */
    static ConditionEvaluationResult decide(String missing, boolean required) {
        return BROWSER_REQUIREMENT.skipReason(missing, required).map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("chromium and chromedriver are installed"));
    }

    /** What is not installed, or {@code null} when both are. */
    static String missing(Path browser, Path driver) {
        List<String> absent = List.of(browser, driver).stream().filter(file -> !Files.isExecutable(file))
                .map(Path::toString).toList();
        return absent.isEmpty() ? null
                : String.join(" and ", absent) + " not found: install Debian's chromium and chromium-driver"
                        + " (apt-get install chromium chromium-driver)";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT);
        // An alert a payload opens stays open for the test to find, instead of being dismissed unseen.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        driver = new ChromeDriver(service, options);
        fitViewport();
    }

    /** Makes the page area (not the window around it) {@link #WIDTH} by {@link #HEIGHT}, the screenshots' size. */
    private void fitViewport() {
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) script("return [window.innerWidth, window.innerHeight]");
        Dimension outer = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(outer.getWidth() + WIDTH - inner.get(0).intValue(),
                outer.getHeight() + HEIGHT - inner.get(1).intValue()));
    }

    /**
     * A new tab for each test, the others closed, back online: no page state, CSP bypass or network
     * setting carries over (chromedriver applies network conditions to every tab, so they are undone).
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (offline) {
            driver.deleteNetworkConditions();
            offline = false;
        }
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Goes to {@code url}, such as {@code http://127.0.0.1:4123/#/runs} or a {@code file:} URL. */
    public void open(String url) {
        driver.get(url);
    }

    /** Waits until {@code main#page} says it shows {@code page} (the pages set it once rendered), and returns it. */
    public WebElement waitForPage(String page) {
        return waitFor("main#page[data-page=" + page + "]", d -> {
            List<WebElement> main = d.findElements(By.cssSelector("main#page[data-page]"));
            if (main.isEmpty()) {
                return null;
            }
            String shown = main.getFirst().getDomAttribute("data-page");
            if ("error".equals(shown) && !"error".equals(page)) {
                throw new AssertionError("the page shows an error instead of " + page + ": "
                        + d.findElement(By.id("page")).getText());
            }
            return page.equals(shown) ? main.getFirst() : null;
        });
    }

    /** Waits until {@code main#page} shows some page, and says which ({@code error} included). */
    public String waitForAnyPage() {
        return waitFor("main#page[data-page]", d -> {
            List<WebElement> main = d.findElements(By.cssSelector("main#page[data-page]"));
            return main.isEmpty() ? null : main.getFirst().getDomAttribute("data-page");
        });
    }

    /** The one element {@code css} selects; fails when there is none. */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text {@code css}'s element shows. */
    public String text(String css) {
        return find(css).getText();
    }

    /** The element's text exactly as the DOM holds it ({@code textContent}), shown or folded away. */
    public static String content(WebElement element) {
        return element.getDomProperty("textContent");
    }

    /** Whether the canvas {@code css} has anything drawn on it (a chart drew, not just an empty canvas). */
    public boolean drawn(String css) {
        return Boolean.TRUE.equals(script("""
                const canvas = document.querySelector(arguments[0]);
                if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
                return false;""", css));
    }

    /**
     * Waits until {@code condition} gives something other than null or false, and returns it; {@code what}
     * says what the wait was for. An element replaced while the condition read it (pages re-render) is read again.
     */
    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + what + " at " + driver.getCurrentUrl())
                .pollingEvery(POLL) // often, so the times the large-run test prints are within a few ms
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Runs {@code script} in the page and returns its value. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Cuts the tab off the network: requests fail as they would on a machine with no connection. */
    public void offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        driver.setNetworkConditions(conditions);
        offline = true;
    }

    /**
     * Turns the page's Content-Security-Policy off in this tab, so a test of escaping proves that run
     * text never becomes markup or script by itself, not merely that the policy blocked it.
     */
    public void bypassContentSecurityPolicy() {
        driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
    }
}

package io.assay.view.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser tests run when chromium and chromedriver are installed, skip without them, and fail
 * instead of skipping when {@code ASSAY_REQUIRE_BROWSER=1}, as CI sets it; and the browser they get
 * starts headless, at the screenshot size, and renders a local file with the network cut off.
 */
class TestChromium {

    @Test
    void runsTheTestsWhenNothingIsMissing() {
        assertThat(Chromium.decide(null, true).isDisabled()).isFalse();
        assertThat(Chromium.decide(null, false).isDisabled()).isFalse();
    }

    @Test
    void skipsThemSayingWhyWhenTheBrowserIsOptional() {
        ConditionEvaluationResult result = Chromium.decide("/usr/bin/chromium not found", false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("skipped: /usr/bin/chromium not found");
    }

    @Test
    void failsThemWhenTheBrowserIsRequired() {
        assertThatThrownBy(() -> Chromium.decide("/usr/bin/chromium not found", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("/usr/bin/chromium not found (ASSAY_REQUIRE_BROWSER=1: failing instead of skipping)");
    }

    @Test
    void namesWhatIsMissing(@TempDir Path dir) throws Exception {
        Path browser = Files.createFile(dir.resolve("chromium"));
        browser.toFile().setExecutable(true);

        assertThat(Chromium.missing(browser, dir.resolve("chromedriver")))
                .startsWith(dir.resolve("chromedriver") + " not found: install Debian's chromium and chromium-driver");
        assertThat(Chromium.missing(browser, browser)).isNull();
    }

    @Nested
    class TheBrowser {
        @RegisterExtension
        static final Chromium CHROMIUM = new Chromium();

        @Test
        void rendersAFileOfflineAtTheScreenshotSize(@TempDir Path dir) throws Exception {
            Path page = Files.writeString(dir.resolve("page.html"), """
                    <!doctype html><html><body><main id="page"></main>
                    <script>document.getElementById('page').dataset.page = 'hello';
                    document.getElementById('page').textContent = 'rendered ' + window.innerWidth;</script></body></html>
                    """);
            CHROMIUM.offline();

            CHROMIUM.open(page.toUri().toString());

            assertThat(CHROMIUM.waitForPage("hello").getText()).startsWith("rendered ");
            assertThat(CHROMIUM.script("return [window.innerWidth, window.innerHeight]"))
                    .isEqualTo(List.of((long) Chromium.WIDTH, (long) Chromium.HEIGHT));
            assertThat(CHROMIUM.script("return navigator.onLine")).isEqualTo(false);
            assertThat((String) CHROMIUM.script("return navigator.userAgent")).contains("HeadlessChrome");
        }

        @Test
        void canTurnOffAPagesContentSecurityPolicy(@TempDir Path dir) throws Exception {
            Path page = Files.writeString(dir.resolve("strict.html"), """
                    <!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'">
                    </head><body><script>window.ran = true;</script></body></html>
                    """);
            CHROMIUM.open(page.toUri().toString());
            assertThat(CHROMIUM.script("return window.ran === true")).as("the policy holds by default").isEqualTo(false);

            CHROMIUM.bypassContentSecurityPolicy();
            CHROMIUM.open(page.toUri().toString());

            assertThat(CHROMIUM.script("return window.ran === true")).isEqualTo(true);
        }

        @Test
        void givesEachTestAFreshTab() {
            CHROMIUM.open("data:text/html,<title>fresh</title>");

            assertThat(CHROMIUM.driver().getWindowHandles()).hasSize(1);
            assertThat(CHROMIUM.script("return navigator.onLine")).isEqualTo(true);
            assertThat(CHROMIUM.driver().getTitle()).isEqualTo("fresh");
        }
    }
}

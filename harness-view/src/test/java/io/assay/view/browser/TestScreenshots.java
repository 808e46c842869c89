package io.assay.view.browser;

import io.assay.view.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.spi.Options;
import io.assay.view.ViewServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;

/**
 * The screenshots in docs/viewer.md, of the runs and audit report its first example makes: every
 * build takes them into {@code target/screenshots}, which proves each page renders at that size;
 * to renew the docs' copies, name their folder:
 *
 * <pre>
 * ./mvnw -B -o -q -pl harness-view -am verify -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=TestScreenshots -Dassay.screenshots=$PWD/docs/viewer
 * </pre>
 */
class TestScreenshots {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TempDir
    Path work;

    @Test
    void takesAScreenshotOfEachPage() throws Exception {
        Path out = Path.of(System.getProperty("assay.screenshots", "target/screenshots")).toAbsolutePath();
        Path examples = Path.of(System.getProperty("assay.repoRoot", "..")).resolve("examples");
        Path runs = Fixtures.served(work);
        Path arithmetic = examples.resolve("arithmetic");
        Fixtures.engine().start(RunSettings.builder(arithmetic, "oracle").out(runs.resolve("arith-oracle")).build())
                .execute(ProgressListener.NONE);
        Fixtures.engine().start(RunSettings.builder(arithmetic, "scripted")
                .agentOptions(Options.of(Map.of("file", arithmetic.resolve("predictions.jsonl").toString())))
                .epochs(3).baselines(true).out(runs.resolve("arith-scripted")).build()).execute(ProgressListener.NONE);
        Fixtures.engine().start(RunSettings.builder(examples.resolve("retail"), "oracle").out(runs.resolve("retail-oracle")).build())
                .execute(ProgressListener.NONE);
        Files.move(Fixtures.auditReport(work), Files.createDirectories(runs).resolve("answer-stuffing-audit.json"));
        Files.createDirectories(out);

        try (ViewServer viewer = ViewServer.start(List.of(runs), "127.0.0.1", 0)) {
            String base = viewer.uri().toString();
            String audit = Api.auditId(viewer.uri(), runs.resolve("answer-stuffing-audit.json"));
            shoot(base + "#/runs", "runs", out);
            shoot(base + "#/run/arith-scripted", "run", out);
            shoot(base + "#/run/arith-scripted/tasks", "tasks", out);
            shoot(base + "#/run/retail-oracle/task/cancel-yusuf-mistake", "trial", out); // a transcript with tool calls
            shoot(base + "#/audit/" + audit, "audit", out);
            shoot(base + "#/compare/arith-scripted/arith-oracle", "compare", out);
        }

        for (String page : List.of("runs", "run", "tasks", "trial", "audit", "compare")) {
            BufferedImage image = ImageIO.read(out.resolve(page + ".png").toFile());
            assertThat(image.getWidth()).as(page).isEqualTo(Chromium.WIDTH);
            assertThat(image.getHeight()).as(page).isEqualTo(Chromium.HEIGHT);
        }
    }

    private static void shoot(String url, String page, Path out) throws Exception {
        CHROMIUM.open(url);
        CHROMIUM.waitForPage(page);
        byte[] png = CHROMIUM.driver().getScreenshotAs(OutputType.BYTES);
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).as(page).isNotNull();
        Files.write(out.resolve(page + ".png"), png);
        System.out.println("screenshot: " + out.resolve(page + ".png"));
    }
}

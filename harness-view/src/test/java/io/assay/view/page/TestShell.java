package io.assay.view.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's two forms: served with its assets by address, or holding them and its data in one file. */
class TestShell {

    @Test
    void theSelfContainedFileAllowsExactlyItsOwnScriptsByHashAndNoNetwork() throws Exception {
        String html = Shell.selfContained("{\"start\": \"#/runs\", \"api\": {}}");

        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertThat(policy.find()).isTrue();
        assertThat(policy.group(1)).contains("default-src 'none'", "connect-src 'none'").doesNotContain("unsafe-eval", "http");
        List<String> hashes = new ArrayList<>();
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        while (script.find()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
            hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        }
        assertThat(hashes).hasSize(2); // Chart.js and the pages
        assertThat(policy.group(1)).contains(hashes);
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "assets/");
    }

    @Test
    void runTextInTheDataCannotCloseItsScriptElement() {
        String html = Shell.selfContained("{\"api\": {\"x\": \"</script><script>alert(1)</script><!-- & >\"}}");

        String data = html.substring(html.indexOf("id=\"assay-data\">"), html.indexOf("</script>", html.indexOf("id=\"assay-data\">")));
        assertThat(data).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e");
        assertThat(html).doesNotContain("<script>alert(1)");
    }

    @Test
    void theServedPageLoadsItsAssetsFromTheViewerOnly() {
        String html = Shell.served();

        assertThat(html).contains("<script src=\"assets/chart.umd.min.js\"></script>", "<script src=\"assets/app.js\"></script>",
                "<link rel=\"stylesheet\" href=\"assets/app.css\">");
        assertThat(html).doesNotContain("<!--assay:", "http");
        assertThat(Shell.SERVED_POLICY).contains("script-src 'self';").doesNotContain("unsafe-eval");
    }
}

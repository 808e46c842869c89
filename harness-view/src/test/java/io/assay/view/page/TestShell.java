package io.assay.view.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's two forms: served with its assets by address, or holding them and its data in one file. */
class TestShell {

    /** The self-contained page with {@code data} written through the shell's data generator. */
    private static String page(Map<String, Object> data) throws Exception {
        Shell.SelfContained page = Shell.selfContained();
        StringWriter out = new StringWriter();
        out.write(page.beforeData());
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator json = Shell.dataGenerator(out, mapper)) {
            mapper.writeValue(json, data);
        }
        out.write(page.afterData());
        return out.toString();
    }

    @Test
    void theSelfContainedFileAllowsExactlyItsOwnScriptsAndStyleByHashAndNoNetwork() throws Exception {
        String html = page(Map.of("start", "#/runs", "api", Map.of()));

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
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        byte[] styleDigest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
        assertThat(policy.group(1)).contains("style-src 'sha256-" + Base64.getEncoder().encodeToString(styleDigest) + "'")
                .doesNotContain("unsafe-inline");
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "assets/");
    }

    @Test
    void runTextInTheDataCannotCloseItsScriptElement() throws Exception {
        String html = page(Map.of("api", Map.of("x", "</script><script>alert(1)</script><!-- & >")));

        String data = html.substring(html.indexOf("id=\"assay-data\">"), html.indexOf("</script>", html.indexOf("id=\"assay-data\">")));
        assertThat(data).contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\\u003C!-- \\u0026 \\u003E");
        assertThat(html).doesNotContain("<script>alert(1)");
    }

    @Test
    void theServedPageLoadsItsAssetsFromTheViewerOnly() {
        String html = Shell.served();

        assertThat(html).contains("<script src=\"assets/chart.umd.min.js\"></script>", "<script src=\"assets/app.js\"></script>",
                "<link rel=\"stylesheet\" href=\"assets/app.css\">");
        assertThat(html).doesNotContain("<!--assay:", "http");
        assertThat(Shell.SERVED_POLICY).contains("script-src 'self';", "style-src 'self';").doesNotContain("unsafe");
    }
}

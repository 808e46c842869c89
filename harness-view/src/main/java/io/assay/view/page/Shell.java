package io.assay.view.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one HTML page the viewer is, in its two forms: served ({@link #served}), which loads the
 * script, stylesheet and data from the viewer; and self-contained ({@link #selfContained}), which
 * holds them all, for {@code assay report --format html}. Both forbid every script but the viewer's
 * own through a Content-Security-Policy, so even a rendering mistake cannot run a transcript's
 * {@code <script>}; the file's policy also forbids any network request.
 */
public final class Shell {
    /** Sent as a header with every served page. */
    public static final String SERVED_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Shell() {
    }

    public static String served() {
        return Assets.shell()
                .replace("<!--assay:csp-->", "")
                .replace("<!--assay:style-->", "<link rel=\"stylesheet\" href=\"assets/" + Assets.STYLE + "\">")
                .replace("<!--assay:data-->", "")
                .replace("<!--assay:scripts-->", "<script src=\"assets/" + Assets.CHARTS + "\"></script>\n<script src=\"assets/"
                        + Assets.SCRIPT + "\"></script>");
    }

    /**
     * The page with everything inside.
     *
     * @param data the documents, as JSON: {@code {"start": "#/run/ID", "api": {"api/index": {...}, ...}}}
     */
    public static String selfContained(String data) {
        String charts = inlineScript(Assets.text(Assets.CHARTS));
        String script = inlineScript(Assets.text(Assets.SCRIPT));
        String policy = "default-src 'none'; script-src " + hash(charts) + " " + hash(script) + "; style-src 'unsafe-inline';"
                + " img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";
        return Assets.shell()
                .replace("<!--assay:csp-->", "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">")
                .replace("<!--assay:style-->", "<style>" + Assets.text(Assets.STYLE) + "</style>")
                .replace("<!--assay:data-->", "<script type=\"application/json\" id=\"assay-data\">" + scriptSafe(data) + "</script>")
                .replace("<!--assay:scripts-->", "<script>" + charts + "</script>\n<script>" + script + "</script>");
    }

    /**
     * JSON made safe inside a script element: {@code <}, {@code >} and {@code &} can only stand in
     * its strings, where their escapes mean the same, so no text of a run can close the element.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** A script's text, refused if it would end its element early. */
    private static String inlineScript(String text) {
        if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("a viewer script contains </script and cannot be inlined");
        }
        return text;
    }

    /** The CSP source that allows exactly this inline script. */
    private static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.assay.view.page;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The one HTML page the viewer is, in its two forms: served ({@link #served}), which loads the
 * script, stylesheet and data from the viewer; and self-contained ({@link #selfContained}), which
 * holds them all, for {@code assay report --format html}. Both forbid every script but the viewer's
 * own through a Content-Security-Policy, so even a rendering mistake cannot run a transcript's
 * {@code <script>}; the file's policy also forbids any network request.
 */
public final class Shell {
    /** Sent as a header with every served page. */
    public static final String SERVED_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
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
     * The page with everything inside, in the two parts around its data, which is written between
     * them through {@link #dataGenerator}: a run's data may be as large as its {@code trials.jsonl}.
     *
     * @param beforeData the page up to the data's script element, opened
     * @param afterData the rest, from the data's closing tag on
     */
    public record SelfContained(String beforeData, String afterData) {
    }

    /**
     * The self-contained page: scripts and stylesheet inline, allowed by their hashes alone, and no
     * network at all. Its data is {@code {"start": "#/run/ID", "api": {"api/index": {...}, ...}}}.
     */
    public static SelfContained selfContained() {
        String charts = inlineScript(Assets.text(Assets.CHARTS));
        String script = inlineScript(Assets.text(Assets.SCRIPT));
        String style = Assets.text(Assets.STYLE);
        String policy = "default-src 'none'; script-src " + hash(charts) + " " + hash(script) + "; style-src " + hash(style) + ";"
                + " img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";
        String page = Assets.shell()
                .replace("<!--assay:csp-->", "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">")
                .replace("<!--assay:style-->", "<style>" + style + "</style>")
                .replace("<!--assay:scripts-->", "<script>" + charts + "</script>\n<script>" + script + "</script>");
        int data = page.indexOf("<!--assay:data-->");
        return new SelfContained(page.substring(0, data) + "<script type=\"application/json\" id=\"assay-data\">",
                "</script>" + page.substring(data + "<!--assay:data-->".length()));
    }

    /**
     * A JSON generator for the data inside the page's script element: it escapes {@code <},
     * {@code >} and {@code &}, which can only stand in JSON strings, where their escapes mean the
     * same, so no text of a run can close the element or open a comment.
     */
    public static JsonGenerator dataGenerator(Writer out, ObjectMapper mapper) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out);
        generator.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    /** JSON's own escapes, and {@code <}, {@code >}, {@code &} as {@code \\u003c}, {@code \\u003e}, {@code \\u0026}. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
        private final int[] escapes = standardAsciiEscapesForJSON();

        private ScriptSafeEscapes() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only the standard escapes above
        }
    }

    /** A script's text, refused if it would end its element early. */
    private static String inlineScript(String text) {
        if (text.toLowerCase(Locale.ROOT).contains("</script")) {
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

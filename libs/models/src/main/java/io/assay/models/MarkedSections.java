package io.assay.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Material in a prompt between {@code === BEGIN NAME tag ===} and {@code === END NAME tag ===} markers,
 * as judges are sent it. The tag is hashed from the whole content, so text inside cannot close its own
 * section and pose as the harness (it would have to contain the hash of itself), yet the same content
 * always gives the same bytes, as rescoring and the determinism probe need.
 *
 * <pre>{@code
 * String tag = MarkedSections.tag(task.prompt(), answer);
 * String body = MarkedSections.section("TASK", tag, task.prompt()) + MarkedSections.section("ANSWER", tag, answer);
 * }</pre>
 */
public final class MarkedSections {

    private MarkedSections() {
    }

    /** A short hash of every part, in order. */
    public static String tag(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code content} between its markers, followed by a blank line. */
    public static String section(String name, String tag, String content) {
        return "=== BEGIN " + name + " " + tag + " ===\n" + content + "\n=== END " + name + " " + tag + " ===\n\n";
    }
}

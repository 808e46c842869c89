package io.assay.trust.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code assay identify}'s output: fingerprints, run identities and comparisons, as text for
 * people and as JSON.
 *
 * <pre>{@code
 * System.out.print(IdentityFormat.text(fingerprint));
 * System.out.print(IdentityFormat.text(FingerprintComparison.of(earlier, fingerprint)));
 * }</pre>
 */
public final class IdentityFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IdentityFormat() {
    }

    /** The fingerprint, one fact a line. */
    public static String text(Fingerprint fingerprint) {
        StringBuilder text = new StringBuilder();
        line(text, "model", fingerprint.model() + " at " + fingerprint.baseUrl());
        line(text, "probe set", fingerprint.probeSet());
        line(text, "served as", list(fingerprint.servedModels()));
        line(text, "fingerprint", list(fingerprint.systemFingerprints()));
        line(text, "tokenizer", fingerprint.tokenizer().describe());
        line(text, "tokens", fingerprint.tokenCounts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        line(text, "says it is", "\"" + fingerprint.selfIdentification() + "\"");
        line(text, "refusals", fingerprint.refusals().entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue().refused() ? "refused" : "answered")).collect(Collectors.joining(", ")));
        line(text, "formatting", fingerprint.formatting().entrySet().stream().map(e -> e.getKey() + " list "
                + e.getValue().listMarker() + ", " + e.getValue().headings() + " headings, " + (e.getValue().bold() ? "bold" : "no bold")
                + ", " + e.getValue().words() + " words").collect(Collectors.joining("; ")));
        return text.toString();
    }

    /** The verdict, its basis, and every comparison made. */
    public static String text(FingerprintComparison comparison) {
        StringBuilder text = new StringBuilder("verdict      " + comparison.verdict().label() + ": " + comparison.basis() + "\n");
        comparison.evidence().forEach(evidence -> text.append("  ").append(evidence.line()).append('\n'));
        return text.toString();
    }

    /** A verdict with both fingerprints: {@code {"verdict", "basis", "evidence", "fingerprint", "against"}}. */
    public static String json(FingerprintComparison comparison, Fingerprint fingerprint, Fingerprint against) {
        ObjectNode root = comparisonJson(comparison);
        root.set("fingerprint", FingerprintFile.json(fingerprint));
        root.set("against", FingerprintFile.json(against));
        return write(root);
    }

    /** The run's identity, one fact a line. */
    public static String text(Path run, RunIdentity identity) {
        StringBuilder text = new StringBuilder();
        line(text, "run", run.toString());
        line(text, "model calls", String.valueOf(identity.calls()));
        line(text, "served as", list(identity.servedModels()));
        line(text, "fingerprint", list(identity.fingerprints()));
        line(text, "tokenizer", identity.tokenizer().describe());
        return text.toString();
    }

    /** {@code {"run", "calls", "served_models", "system_fingerprints", "tokenizer"}}. */
    public static ObjectNode json(Path run, RunIdentity identity) {
        ObjectNode root = JSON.createObjectNode();
        root.put("run", run.toString());
        root.put("calls", identity.calls());
        identity.servedModels().forEach(root.putArray("served_models")::add);
        identity.fingerprints().forEach(root.putArray("system_fingerprints")::add);
        root.set("tokenizer", FingerprintFile.tokenizer(identity.tokenizer()));
        return root;
    }

    /**
     * Two runs' identities and their differences: {@code {"verdict", "compared", "differences", "run", "against"}},
     * where {@code compared} lists what both runs recorded to compare.
     */
    public static String json(String verdict, List<String> compared, List<String> differences, ObjectNode run, ObjectNode against) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", verdict);
        compared.forEach(root.putArray("compared")::add);
        differences.forEach(root.putArray("differences")::add);
        root.set("run", run);
        root.set("against", against);
        return write(root);
    }

    /** Any JSON tree, indented, with a final line break. */
    public static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static ObjectNode comparisonJson(FingerprintComparison comparison) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", comparison.verdict().label());
        root.put("basis", comparison.basis());
        comparison.evidence().forEach(evidence -> root.withArray("evidence").addObject().put("kind", evidence.kind())
                .put("weight", evidence.weight().name().toLowerCase(Locale.ROOT))
                .put("compared", evidence.compared()).put("differs", evidence.differs()).put("detail", evidence.detail()));
        return root;
    }

    private static String list(Collection<String> values) {
        return values.isEmpty() ? "none reported" : String.join(", ", values);
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-12s %s%n", label, value));
    }
}

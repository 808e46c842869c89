package io.assay.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.InputException;
import io.assay.launcher.RunFollower;
import io.assay.view.data.Catalog;
import io.assay.view.data.Documents;
import io.assay.view.data.ViewJson;
import io.assay.view.page.Shell;
import io.assay.view.page.UriComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The viewer's pages as one self-contained HTML file, data and assets inside, that works from
 * {@code file://} with no network: {@code assay report RUN --format html} and
 * {@code assay audit SUITE --format html}, for attaching to a paper or a pull request. A run's file
 * holds its run page, its tasks page and every task's transcripts.
 *
 * <pre>{@code
 * Files.writeString(Path.of("report.html"), HtmlReport.run(Path.of("runs/arithmetic-oracle-20261122-101500")));
 * }</pre>
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * The pages of the run at {@code runDirectory}.
     *
     * @throws InputException when it is not a run directory, or a trial line is corrupt
     */
    public static String run(Path runDirectory) {
        RunFollower.open(runDirectory); // refuses a folder that is not a run before the catalog looks inside it
        Catalog catalog = new Catalog(List.of(runDirectory));
        Documents documents = new Documents(catalog);
        String id = catalog.runs().keySet().iterator().next();
        String base = "api/runs/" + UriComponent.encode(id);
        Map<String, byte[]> api = new LinkedHashMap<>();
        api.put("api/index", documents.index());
        api.put(base, document(documents, "api", "runs", id));
        api.put(base + "/tasks", document(documents, "api", "runs", id, "tasks"));
        for (String task : catalog.run(id).orElseThrow().tasks()) {
            api.put(base + "/tasks/" + UriComponent.encode(task), document(documents, "api", "runs", id, "tasks", task));
        }
        return Shell.selfContained(data("#/run/" + UriComponent.encode(id), api));
    }

    /**
     * The audit page of an audit report.
     *
     * @param auditJson the report as {@code assay audit --format json} writes it
     */
    public static String audit(String auditJson) {
        JsonNode audit;
        try {
            audit = ViewJson.MAPPER.readTree(auditJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit report is not JSON", e);
        }
        if (!audit.has("findings") || !audit.has("checklist")) {
            throw new InputException("not an audit report: it has no findings and checklist",
                    "pass the JSON `assay audit --format json` writes");
        }
        String id = "audit-" + audit.path("suite").asText("suite");
        ObjectNode index = ViewJson.MAPPER.createObjectNode();
        index.putArray("runs");
        index.putArray("audits").add(Documents.auditRow(id, "", audit));
        index.putArray("problems");
        Map<String, byte[]> api = new LinkedHashMap<>();
        api.put("api/index", bytes(index));
        api.put("api/audits/" + UriComponent.encode(id), bytes(audit));
        return Shell.selfContained(data("#/audit/" + UriComponent.encode(id), api));
    }

    private static byte[] document(Documents documents, String... path) {
        return documents.get(new ArrayList<>(List.of(path))).orElseThrow(
                () -> new IllegalStateException("no document at " + String.join("/", path)));
    }

    /** The file's data: where the pages start, and each document by the path the pages ask for it. */
    private static String data(String start, Map<String, byte[]> api) {
        StringBuilder json = new StringBuilder();
        json.append("{\"start\":").append(new String(bytes(ViewJson.MAPPER.getNodeFactory().textNode(start)), StandardCharsets.UTF_8));
        json.append(",\"api\":{");
        String separator = "";
        for (Map.Entry<String, byte[]> entry : api.entrySet()) {
            json.append(separator)
                    .append(new String(bytes(ViewJson.MAPPER.getNodeFactory().textNode(entry.getKey())), StandardCharsets.UTF_8))
                    .append(':').append(new String(entry.getValue(), StandardCharsets.UTF_8));
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return ViewJson.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

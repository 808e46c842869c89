package io.assay.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.InputException;
import io.assay.launcher.RunFollower;
import io.assay.view.data.Catalog;
import io.assay.view.data.Documents;
import io.assay.view.data.RunIndex;
import io.assay.view.data.ViewJson;
import io.assay.view.page.Shell;
import io.assay.view.page.UriComponent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The viewer's pages as one self-contained HTML file, data and assets inside, that works from
 * {@code file://} with no network: {@code assay report RUN --format html} and
 * {@code assay audit SUITE --format html}, for attaching to a paper or a pull request. A run's file
 * holds its run page, its tasks page and every task's transcripts, written as they are read, so a
 * large run's file takes no more memory to write than its index.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("report.html"))) {
 *     HtmlReport.writeRun(Path.of("runs/arithmetic-oracle-20261122-101500"), out);
 * }
 * }</pre>
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * Writes the pages of the run at {@code runDirectory} to {@code out}.
     *
     * @throws InputException when it is not a run directory, or a trial line is corrupt
     */
    public static void writeRun(Path runDirectory, Writer out) throws IOException {
        RunFollower.open(runDirectory); // refuses a folder that is not a run before the catalog looks inside it
        Catalog catalog = new Catalog(List.of(runDirectory));
        Documents documents = new Documents(catalog);
        String id = catalog.runs().keySet().iterator().next();
        RunIndex run = catalog.run(id).orElseThrow();
        String base = "api/runs/" + UriComponent.encode(id);
        write(out, "#/run/" + UriComponent.encode(id), json -> {
            copy(json, "api/index", documents.index());
            copy(json, base, document(documents, "api", "runs", id));
            copy(json, base + "/tasks", document(documents, "api", "runs", id, "tasks"));
            run.forEachTaskLines((task, lines) -> {
                try {
                    json.writeFieldName(base + "/tasks/" + UriComponent.encode(task));
                    Documents.writeTask(json, task, lines);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** The pages of the run at {@code runDirectory}, as a string; {@link #writeRun} for a large run. */
    public static String run(Path runDirectory) throws IOException {
        StringWriter out = new StringWriter();
        writeRun(runDirectory, out);
        return out.toString();
    }

    /**
     * The audit page of an audit report.
     *
     * @param auditJson the report as {@code assay audit --format json} writes it
     * @throws InputException when it is not an audit report
     */
    public static String audit(String auditJson) throws IOException {
        JsonNode audit = ViewJson.MAPPER.readTree(auditJson);
        if (audit == null || !audit.has("findings") || !audit.has("checklist")) {
            throw new InputException("not an audit report: it has no findings and checklist",
                    "pass the JSON `assay audit --format json` writes");
        }
        String id = "audit-" + audit.path("suite").asText("suite");
        ObjectNode index = ViewJson.MAPPER.createObjectNode();
        index.putArray("runs");
        index.putArray("audits").add(Documents.auditRow(id, "", audit));
        index.putArray("problems");
        StringWriter out = new StringWriter();
        write(out, "#/audit/" + UriComponent.encode(id), json -> {
            json.writeFieldName("api/index");
            json.writeTree(index);
            json.writeFieldName("api/audits/" + UriComponent.encode(id));
            json.writeTree(audit);
        });
        return out.toString();
    }

    /** What the data holds, each document by the path the pages ask for it. */
    @FunctionalInterface
    private interface Api {
        void write(JsonGenerator json) throws IOException;
    }

    /** The page around its data: where the pages start, and the documents. */
    private static void write(Writer out, String start, Api api) throws IOException {
        Shell.SelfContained page = Shell.selfContained();
        out.write(page.beforeData());
        try (JsonGenerator json = Shell.dataGenerator(out, ViewJson.MAPPER)) {
            json.writeStartObject();
            json.writeStringField("start", start);
            json.writeObjectFieldStart("api");
            api.write(json);
            json.writeEndObject();
            json.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write(page.afterData());
        out.flush();
    }

    private static void copy(JsonGenerator json, String path, byte[] document) throws IOException {
        json.writeFieldName(path);
        json.writeTree(ViewJson.MAPPER.readTree(document));
    }

    private static byte[] document(Documents documents, String... path) {
        return documents.get(List.of(path)).orElseThrow(
                () -> new IllegalStateException("no document at " + String.join("/", path)));
    }
}

package io.assay.view.browser;

import io.assay.view.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The viewer's JSON API read over plain HTTP, to find what the pages are about (run and audit ids). */
final class Api {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Api() {
    }

    /** GETs {@code path} (relative, such as {@code api/index}) from the viewer at {@code base}. */
    static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(base, path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Fixtures.JSON.readTree(response.body());
    }

    /** The id the viewer gives the run in {@code directory}: its name, or a path ending in it. */
    static String runId(URI base, Path directory) throws IOException, InterruptedException {
        return id(json(base, "api/index").path("runs"), directory.getFileName().toString());
    }

    /** The id the viewer gives the audit report in {@code file}, named after the file. */
    static String auditId(URI base, Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        for (JsonNode row : json(base, "api/index").path("audits")) {
            if (row.path("file").asText().endsWith(file.getFileName().toString()) || row.path("id").asText().contains(name)) {
                return row.path("id").asText();
            }
        }
        throw new AssertionError("api/index lists no audit from " + file);
    }

    private static String id(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            String id = row.path("id").asText();
            if (id.equals(name) || id.endsWith("/" + name)) {
                return id;
            }
        }
        throw new AssertionError("api/index lists no run " + name + ": " + rows);
    }
}

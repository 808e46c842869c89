package io.assay.view.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The pages' files, read from the jar: the shell, the script, the stylesheet, and Chart.js from
 * its WebJar. These four are all the viewer serves besides the API; no name maps to a file path.
 */
public final class Assets {
    public static final String SCRIPT = "app.js";
    public static final String STYLE = "app.css";
    public static final String CHARTS = "chart.umd.min.js";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            SCRIPT, "text/javascript; charset=utf-8",
            STYLE, "text/css; charset=utf-8",
            CHARTS, "text/javascript; charset=utf-8");

    private Assets() {
    }

    /** The asset served as {@code assets/NAME}, if it is one. */
    public static Optional<byte[]> asset(String name) {
        return CONTENT_TYPES.containsKey(name) ? Optional.of(bytes(resource(name))) : Optional.empty();
    }

    public static String contentType(String name) {
        return CONTENT_TYPES.get(name);
    }

    public static String text(String name) {
        return new String(bytes(resource(name)), StandardCharsets.UTF_8);
    }

    static String shell() {
        return new String(bytes("app/index.html"), StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        return name.equals(CHARTS) ? chartsLocation() : "app/" + name;
    }

    /** Where the WebJar keeps Chart.js, by its version (written into assets.properties by the build). */
    private static String chartsLocation() {
        Properties properties = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream("/io/assay/view/assets.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/" + properties.getProperty("chartjs");
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = resource.startsWith("/") ? Assets.class.getResourceAsStream(resource)
                : Assets.class.getResourceAsStream("/io/assay/view/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the viewer's jar lacks " + resource + "; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.assay.view;

import java.nio.file.Path;

/** Placeholder while the viewer is built (issue 14); the lead replaces the body. */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The viewer's pages of one run as one self-contained HTML file (data and assets inside). */
    public static String run(Path runDirectory) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The audit page of an audit report, the JSON {@code assay audit --format json} writes, as one HTML file. */
    public static String audit(String auditJson) {
        throw new UnsupportedOperationException("not yet");
    }
}

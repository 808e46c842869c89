package io.assay.cli.progress;

/** How {@code assay run} shows progress on stderr. */
public enum ProgressMode {
    /** A bar when stderr is a terminal, periodic lines otherwise. */
    AUTO,
    /** A redrawn single-line bar. */
    BAR,
    /** A plain line every few seconds, for logs and CI. */
    LINES,
    /** Nothing. */
    NONE
}

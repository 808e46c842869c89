package io.assay.trust.contamination;

/**
 * One corpus file as a scan read it.
 *
 * <pre>{@code
 * new CorpusFile("corpus/web.txt.gz", 1_048_576, 20_000, 180_000)
 * }</pre>
 *
 * @param file the path as given
 * @param bytes the bytes read from disk (compressed, for a {@code .gz})
 * @param lines lines of text
 * @param tokens normalised tokens
 */
public record CorpusFile(String file, long bytes, long lines, long tokens) {
}

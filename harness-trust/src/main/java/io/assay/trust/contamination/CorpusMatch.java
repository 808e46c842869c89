package io.assay.trust.contamination;

/**
 * Where a task's n-gram first turned up in the corpus.
 *
 * <pre>{@code
 * new CorpusMatch("corpus/web.txt", 1207, "What is the capital of Australia? ...")
 * }</pre>
 *
 * @param file the corpus file as given
 * @param line the line, from 1, where the n-gram starts
 * @param excerpt the corpus text of the n-gram, whitespace collapsed, at most a few hundred characters
 */
public record CorpusMatch(String file, long line, String excerpt) {
}

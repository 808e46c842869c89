package io.assay.spi;

/**
 * Opens an extra destination for a run's trial records ({@code assay run --sink NAME}), beside the
 * run directory's own {@code trials.jsonl}.
 *
 * <pre>{@code
 * public String name() { return "csv"; }
 * public ResultSink open(Options options, RunInfo run) throws IOException {
 *     Writer out = Files.newBufferedWriter(run.directory().resolve("trials.csv"));
 *     return new CsvSink(out);
 * }
 * }</pre>
 */
public interface ResultSinkFactory extends Component {

    ResultSink open(Options options, RunInfo run) throws Exception;
}

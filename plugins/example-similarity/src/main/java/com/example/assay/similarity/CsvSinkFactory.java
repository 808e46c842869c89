package com.example.assay.similarity;

import io.assay.spi.Options;
import io.assay.spi.ResultSink;
import io.assay.spi.ResultSinkFactory;
import io.assay.spi.RunInfo;
import java.io.IOException;

/** {@code assay run --sink csv}: one row per trial in the run directory's {@code trials.csv}. */
public final class CsvSinkFactory implements ResultSinkFactory {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "writes trials.csv into the run directory, one row per trial";
    }

    @Override
    public ResultSink open(Options options, RunInfo run) throws IOException {
        options.allowOnly();
        return CsvSink.open(run.directory().resolve("trials.csv"));
    }
}

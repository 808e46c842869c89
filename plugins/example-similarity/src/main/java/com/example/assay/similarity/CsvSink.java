package com.example.assay.similarity;

import io.assay.spi.ResultSink;
import io.assay.spi.TrialRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes trial records as RFC 4180 CSV rows. Each row is flushed as it is written, so a crash
 * loses no finished trial; an existing file is appended to, so a resumed run keeps its rows.
 */
final class CsvSink implements ResultSink {
    private static final List<String> HEADER = List.of("task", "epoch", "outcome", "score", "passed", "agent_ms");

    private final Writer out;

    private CsvSink(Writer out) {
        this.out = out;
    }

    static CsvSink open(Path file) throws IOException {
        boolean fresh = Files.notExists(file) || Files.size(file) == 0;
        CsvSink sink = new CsvSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        if (fresh) {
            sink.writeRow(HEADER);
        }
        return sink;
    }

    @Override
    public void accept(TrialRecord record) throws IOException {
        double score = record.score();
        writeRow(List.of(
                record.task(),
                Integer.toString(record.epoch()),
                record.outcome().name(),
                Double.isNaN(score) ? "" : Double.toString(score),
                Boolean.toString(record.passed()),
                record.agentTime() == null ? "" : Long.toString(record.agentTime().toMillis())));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writeRow(List<String> cells) throws IOException {
        out.write(cells.stream().map(CsvSink::quote).collect(Collectors.joining(",", "", "\r\n")));
        out.flush();
    }

    /** Quotes a cell only when it holds a comma, a quote or a line break; quotes inside are doubled. */
    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}

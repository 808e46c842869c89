package io.assay.core.run;

import io.assay.core.plugin.ComponentRegistry;
import io.assay.spi.Options;
import io.assay.spi.ResultSink;
import io.assay.spi.RunInfo;
import io.assay.spi.TrialRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwards each recorded trial to a run's extra result sinks ({@code assay run --sink NAME}).
 * {@code trials.jsonl} already holds the trial, so a sink that fails is closed, dropped and
 * reported, and the run goes on. Not thread-safe: the {@link TrialLog} serialises trials.
 */
final class SinkFanOut implements AutoCloseable {
    private final List<Named> sinks;
    private final List<String> warnings = new ArrayList<>();

    private record Named(String name, ResultSink sink) {
    }

    private SinkFanOut(List<Named> sinks) {
        this.sinks = new ArrayList<>(sinks);
    }

    /** No extra sink: a rescored run writes only its run directory. */
    static SinkFanOut none() {
        return new SinkFanOut(List.of());
    }

    /** Opens the named sinks for a run; when one cannot open, closes those already open and throws. */
    static SinkFanOut open(ComponentRegistry registry, List<String> names, RunInfo run) throws Exception {
        List<Named> sinks = new ArrayList<>();
        try {
            for (String name : names) {
                sinks.add(new Named(name, registry.resultSink(name).open(Options.empty(), run)));
            }
        } catch (Exception e) {
            for (Named opened : sinks) {
                opened.sink().close();
            }
            throw e;
        }
        return new SinkFanOut(sinks);
    }

    void accept(TrialRecord record) {
        for (int i = 0; i < sinks.size(); i++) {
            try {
                sinks.get(i).sink().accept(record);
            } catch (Exception e) {
                warnings.add("result sink '" + sinks.get(i).name() + "' failed and was disabled: " + e.getMessage());
                closeQuietly(sinks.remove(i).sink());
                i--;
            }
        }
    }

    /** The sinks that failed, and why. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        sinks.forEach(named -> closeQuietly(named.sink()));
    }

    private void closeQuietly(ResultSink sink) {
        try {
            sink.close();
        } catch (Exception e) {
            warnings.add("result sink failed to close: " + e.getMessage());
        }
    }
}

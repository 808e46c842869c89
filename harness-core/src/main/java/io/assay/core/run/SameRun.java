package io.assay.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.assay.core.json.Json;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Checks that a shard joins the run it belongs to: the manifest another shard wrote must record
 * the same suite content, agent and options, split and settings as this shard's would, or the
 * shards' trials could not be combined into one run. Only the concurrency may differ: it is how
 * hard each process works, not what the run measures.
 */
final class SameRun {
    private record Part(String name, Function<Manifest, Object> value) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("suite content hash", m -> m.suite().contentHash()),
            new Part("tasks selected", m -> m.suite().selected()),
            new Part("agent", m -> m.agent().name()),
            new Part("agent options", m -> m.agent().options()),
            new Part("shards", m -> m.shards() == null ? "none" : m.shards().count()),
            new Part("epochs", m -> m.settings().epochs()),
            new Part("timeout seconds", m -> m.settings().timeoutSeconds()),
            new Part("retry errors", m -> m.settings().retryErrors()),
            new Part("seed", m -> m.settings().seed()),
            new Part("sinks", m -> m.settings().sinks()),
            new Part("max cost", m -> m.settings().maxCostUsd()),
            new Part("max errors", m -> m.settings().maxErrors()),
            new Part("task selection", m -> m.settings().selection()),
            new Part("environment options", m -> m.settings().environmentOptions()),
            new Part("check defaults", m -> m.settings().checkDefaults()),
            new Part("baselines", m -> m.baselines() != null));

    private SameRun() {
    }

    /**
     * @param recorded the manifest in the run directory
     * @param mine the manifest this shard would have written
     * @throws InputException naming the first difference
     */
    static void check(Path directory, Manifest recorded, Manifest mine) {
        for (Part part : PARTS) {
            String was = asJson(part.value().apply(recorded));
            String now = asJson(part.value().apply(mine));
            if (!was.equals(now)) {
                throw new InputException(directory + " holds a run with other " + part.name() + " (" + was + ", this shard: "
                        + now + ")", "start every shard of a run with the same SUITE and flags (only --concurrency may differ),"
                        + " or choose another --out");
            }
        }
    }

    /** As the manifest records it, so a value read back equals the value written whatever its Java type. */
    private static String asJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a manifest value as JSON", e);
        }
    }
}

package io.assay.trust.identity;

import io.assay.launcher.RunReport;
import io.assay.spi.ModelCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a run's recorded model calls say about the model that answered: the models the endpoint
 * said it served and its system fingerprints. Only the agent's calls count (the {@code model_call}
 * steps of its traces), not a judge's, which grade rather than answer.
 *
 * <pre>{@code
 * RunIdentity claimed = RunIdentity.of(RunReport.of(Path.of("runs/claimed")));
 * RunIdentity replicated = RunIdentity.of(RunReport.of(Path.of("runs/replicated")));
 * claimed.differences(replicated).forEach(System.err::println);
 * }</pre>
 *
 * @param calls how many agent model calls the run recorded
 * @param servedModels every model name the endpoint reported serving, sorted
 * @param fingerprints every system fingerprint the endpoint reported, sorted
 */
public record RunIdentity(long calls, SortedSet<String> servedModels, SortedSet<String> fingerprints) {

    /** The identity recorded in every trial of {@code run}. */
    public static RunIdentity of(RunReport run) {
        long[] calls = {0};
        SortedSet<String> served = new TreeSet<>();
        SortedSet<String> fingerprints = new TreeSet<>();
        run.forEachTrial(trial -> {
            if (trial.output() == null) {
                return;
            }
            trial.output().trace().forEach(step -> ModelCall.from(step).ifPresent(call -> {
                calls[0]++;
                if (call.servedModel() != null) {
                    served.add(call.servedModel());
                }
                if (call.fingerprint() != null) {
                    fingerprints.add(call.fingerprint());
                }
            }));
        });
        return new RunIdentity(calls[0], served, fingerprints);
    }

    /**
     * How {@code other} differs from this identity, one sentence each, naming both values; empty when
     * nothing recorded differs. A run without model calls has nothing to compare.
     */
    public List<String> differences(RunIdentity other) {
        List<String> differences = new ArrayList<>();
        if (calls == 0 || other.calls == 0) {
            return differences;
        }
        if (!Objects.equals(servedModels, other.servedModels)) {
            differences.add("served model changed: " + servedModels + " then, " + other.servedModels + " now");
        }
        if (!Objects.equals(fingerprints, other.fingerprints)) {
            differences.add("system fingerprint changed: " + fingerprints + " then, " + other.fingerprints + " now");
        }
        return differences;
    }
}

package io.assay.trust.identity;

import io.assay.launcher.RunReport;
import io.assay.spi.ModelCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a run's recorded model calls say about the model that answered: the models the endpoint
 * said it served, its system fingerprints, and the tokenizer its reported input tokens agree with
 * (each recorded request's texts recounted with the {@link KnownTokenizer}s; see
 * {@link TokenizerEvidence}). Only the agent's calls count (the {@code model_call} steps of its
 * traces), not a judge's, which grade rather than answer. The tokens of the first
 * {@value #RECOUNTED} calls that recorded a request are recounted, which bounds the work on a big run.
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
 * @param tokenizer the known tokenizer the recounted calls agree with, or why none could be named
 * @param reportedTokens the input tokens reported for each recounted request, by the request's SHA-256:
 *                       the same request counted differently by two runs' endpoints is direct evidence
 */
public record RunIdentity(long calls, SortedSet<String> servedModels, SortedSet<String> fingerprints,
                          TokenizerEvidence tokenizer, Map<String, Long> reportedTokens) {
    /** The calls whose tokens are recounted, at most. */
    public static final int RECOUNTED = 200;
    private static final int EXAMPLES = 3;

    public RunIdentity {
        servedModels = Collections.unmodifiableSortedSet(new TreeSet<>(servedModels));
        fingerprints = Collections.unmodifiableSortedSet(new TreeSet<>(fingerprints));
        reportedTokens = Collections.unmodifiableMap(new LinkedHashMap<>(reportedTokens));
    }

    /** The identity recorded in every trial of {@code run}. */
    public static RunIdentity of(RunReport run) {
        long[] calls = {0};
        SortedSet<String> served = new TreeSet<>();
        SortedSet<String> fingerprints = new TreeSet<>();
        List<TokenSample> samples = new ArrayList<>();
        Map<String, Long> reported = new LinkedHashMap<>();
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
                if (samples.size() < RECOUNTED && call.inputTokens() > 0) {
                    RecordedRequest.of(call.request()).ifPresent(request -> {
                        samples.add(request.sample(call.inputTokens()));
                        reported.putIfAbsent(request.digest(), call.inputTokens());
                    });
                }
            }));
        });
        return new RunIdentity(calls[0], served, fingerprints, TokenizerEvidence.of(samples), reported);
    }

    /**
     * What both runs recorded, so that it could be compared: {@code served model}, {@code system
     * fingerprint}, {@code tokenizer} (decided in both) and {@code request token counts} (a request
     * both sent). Empty when either run made no model call, or shares nothing to compare: then "no
     * difference" would say nothing.
     */
    public List<String> compared(RunIdentity other) {
        List<String> compared = new ArrayList<>();
        if (calls == 0 || other.calls == 0) {
            return compared;
        }
        if (!servedModels.isEmpty() && !other.servedModels.isEmpty()) {
            compared.add("served model");
        }
        if (!fingerprints.isEmpty() && !other.fingerprints.isEmpty()) {
            compared.add("system fingerprint");
        }
        if (tokenizer.decided() && other.tokenizer.decided()) {
            compared.add("tokenizer");
        }
        if (reportedTokens.keySet().stream().anyMatch(other.reportedTokens::containsKey)) {
            compared.add("request token counts");
        }
        return compared;
    }

    /**
     * How {@code other} differs from this identity, one sentence each, naming both values; empty when
     * nothing recorded differs. A run without model calls has nothing to compare. The tokenizer counts
     * only where both runs' data decided one.
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
        if (tokenizer.decided() && other.tokenizer.decided() && !tokenizer.verdict().equals(other.tokenizer.verdict())) {
            differences.add("tokenizer changed: " + tokenizer.verdict() + " then, " + other.tokenizer.verdict() + " now");
        }
        List<String> shared = reportedTokens.keySet().stream().filter(other.reportedTokens::containsKey).toList();
        List<String> recounted = shared.stream()
                .filter(digest -> !reportedTokens.get(digest).equals(other.reportedTokens.get(digest))).toList();
        if (!recounted.isEmpty()) {
            differences.add("the same request was counted differently in " + recounted.size() + " of " + shared.size()
                    + " requests both runs sent (input tokens " + String.join("; ", recounted.stream().limit(EXAMPLES)
                    .map(digest -> reportedTokens.get(digest) + " then " + other.reportedTokens.get(digest) + " now")
                    .toList()) + ")");
        }
        return differences;
    }
}

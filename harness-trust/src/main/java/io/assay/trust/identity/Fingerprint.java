package io.assay.trust.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one endpoint answered to the {@link ProbeSet}: the identity it reported, the input tokens it
 * counted for each token probe and the tokenizer those counts agree with, what it says it is, and
 * its refusal and formatting habits. Written and read by {@link FingerprintFile}; compared by
 * {@link FingerprintComparison}.
 *
 * <pre>{@code
 * Fingerprint fingerprint = EndpointProbe.probe(client);
 * fingerprint.tokenizer().verdict();   // "o200k_base"
 * }</pre>
 *
 * @param probeSet the {@link ProbeSet#VERSION} it was made with
 * @param model the model requested, {@code provider/name}
 * @param baseUrl the endpoint probed
 * @param servedModels every model name the endpoint reported serving
 * @param systemFingerprints every system fingerprint it reported
 * @param tokenCounts the input tokens it reported per token probe, in probe order
 * @param tokenizer the known tokenizer the counts agree with, if any
 * @param selfIdentification its answer to which model it is
 * @param refusals its answer to each refusal probe
 * @param formatting the shape of its answer to each formatting probe
 */
public record Fingerprint(String probeSet, String model, String baseUrl, SortedSet<String> servedModels,
                          SortedSet<String> systemFingerprints, Map<String, Long> tokenCounts, TokenizerEvidence tokenizer,
                          String selfIdentification, Map<String, RefusalAnswer> refusals,
                          Map<String, FormattingAnswer> formatting) {

    public Fingerprint {
        servedModels = Collections.unmodifiableSortedSet(new TreeSet<>(servedModels));
        systemFingerprints = Collections.unmodifiableSortedSet(new TreeSet<>(systemFingerprints));
        tokenCounts = Collections.unmodifiableMap(new LinkedHashMap<>(tokenCounts));
        refusals = Collections.unmodifiableMap(new LinkedHashMap<>(refusals));
        formatting = Collections.unmodifiableMap(new LinkedHashMap<>(formatting));
    }
}

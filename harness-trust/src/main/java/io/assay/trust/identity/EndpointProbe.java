package io.assay.trust.identity;

import io.assay.kit.Excerpt;
import io.assay.launcher.InputException;
import io.assay.models.ChatMessage;
import io.assay.models.ModelClient;
import io.assay.models.ModelException;
import io.assay.models.ModelRequest;
import io.assay.models.ModelResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Sends the {@link ProbeSet} to one endpoint, one call at a time, and reads its {@link Fingerprint}
 * from the answers: {@link ProbeSet#calls()} calls in all.
 *
 * <pre>{@code
 * ModelClient client = ModelClients.create(ModelSpec.parse("openai/gpt-4o-mini"), ModelSettings.defaults());
 * Fingerprint fingerprint = EndpointProbe.probe(client);
 * }</pre>
 */
public final class EndpointProbe {
    /** Every token probe is alone in one user message, so all share one layout. */
    private static final String LAYOUT = "one user message";
    private static final double TEMPERATURE = 0.0;

    private final ModelClient client;
    private final SortedSet<String> servedModels = new TreeSet<>();
    private final SortedSet<String> systemFingerprints = new TreeSet<>();

    private EndpointProbe(ModelClient client) {
        this.client = client;
    }

    /**
     * The fingerprint of what answers {@code client}.
     *
     * @throws InputException naming the probe when a call fails (after the client's retries)
     */
    public static Fingerprint probe(ModelClient client) throws InterruptedException {
        return new EndpointProbe(client).fingerprint();
    }

    private Fingerprint fingerprint() throws InterruptedException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<TokenSample> samples = new ArrayList<>();
        for (ProbeSet.Probe probe : ProbeSet.TOKENS) {
            long reported = ask(probe, ProbeSet.TOKEN_MAX_TOKENS).usage().inputTokens();
            counts.put(probe.id(), reported);
            samples.add(new TokenSample(LAYOUT, List.of(probe.prompt()), reported));
        }
        String self = Excerpt.of(ask(ProbeSet.SELF_IDENTIFICATION, ProbeSet.SHORT_MAX_TOKENS).text(), RefusalAnswer.KEPT);
        Map<String, RefusalAnswer> refusals = new LinkedHashMap<>();
        for (ProbeSet.Probe probe : ProbeSet.REFUSALS) {
            refusals.put(probe.id(), RefusalAnswer.of(ask(probe, ProbeSet.SHORT_MAX_TOKENS).text()));
        }
        Map<String, FormattingAnswer> formatting = new LinkedHashMap<>();
        for (ProbeSet.Probe probe : ProbeSet.FORMATTING) {
            formatting.put(probe.id(), FormattingAnswer.of(ask(probe, ProbeSet.FORMATTING_MAX_TOKENS).text()));
        }
        return new Fingerprint(ProbeSet.VERSION, client.spec().id(), client.spec().baseUrl(), servedModels,
                systemFingerprints, counts, TokenizerEvidence.of(samples), self, refusals, formatting);
    }

    private ModelResponse ask(ProbeSet.Probe probe, int maxTokens) throws InterruptedException {
        ModelResponse response;
        try {
            response = client.complete(new ModelRequest(List.of(ChatMessage.user(probe.prompt())), List.of(), maxTokens,
                    TEMPERATURE));
        } catch (ModelException e) {
            throw new InputException("probe " + probe.id() + " of " + client.spec().id() + " at " + client.spec().baseUrl()
                    + " failed: " + e.getMessage(), "check --model, --base-url and --api-key-env");
        }
        if (response.servedModel() != null) {
            servedModels.add(response.servedModel());
        }
        if (response.fingerprint() != null) {
            systemFingerprints.add(response.fingerprint());
        }
        return response;
    }
}

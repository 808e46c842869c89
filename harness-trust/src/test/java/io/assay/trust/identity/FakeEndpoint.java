package io.assay.trust.identity;

import io.assay.models.ModelClients;
import io.assay.models.ModelSettings;
import io.assay.models.ModelSpec;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import io.assay.testkit.model.TokenCountingResponder;
import java.util.List;
import java.util.Map;

/**
 * A fake OpenAI endpoint that counts input tokens with one known tokenizer plus a template overhead,
 * and answers the identity probes with fixed habits: what it says it is, whether it refuses the
 * borderline requests, how it formats.
 *
 * @param tokenizer how it counts
 * @param overhead its chat template's tokens
 * @param servedAs the model it reports serving
 * @param selfIdentification what it says it is
 * @param refuses whether it refuses every refusal probe
 * @param formatted its answer to every formatting probe
 */
record FakeEndpoint(KnownTokenizer tokenizer, long overhead, String servedAs, String selfIdentification, boolean refuses,
                    String formatted) {
    static final String LIST = "Here are three:\n\n1. **Mood**: exercise lifts it.\n2. **Sleep**: deeper.\n3. **Heart**: stronger.";

    /** An endpoint counting with {@code tokenizer}, overhead 7, serving {@code fake-model} with a numbered list. */
    static FakeEndpoint counting(KnownTokenizer tokenizer) {
        return new FakeEndpoint(tokenizer, 7, "fake-model", "I am FakeModel 1.", false, LIST);
    }

    FakeEndpoint withOverhead(long tokens) {
        return new FakeEndpoint(tokenizer, tokens, servedAs, selfIdentification, refuses, formatted);
    }

    FakeEndpoint withHabits(String says, boolean refusing, String format) {
        return new FakeEndpoint(tokenizer, overhead, servedAs, says, refusing, format);
    }

    /**
     * The same counts, but every answer empty: a reasoning model that spends its output tokens on
     * hidden reasoning, or a proxy that strips content.
     */
    FakeEndpoint answeringNothing() {
        return new FakeEndpoint(tokenizer, overhead, servedAs, "", false, "");
    }

    /** Serves this endpoint until closed. */
    FakeOpenAiServer start() {
        FakeOpenAiServer server = new FakeOpenAiServer();
        server.respondWith(new TokenCountingResponder(tokenizer::count, overhead, this::answer));
        return server;
    }

    /** The fingerprint of this endpoint, probed over HTTP through a model client. */
    Fingerprint probe() throws InterruptedException {
        try (FakeOpenAiServer server = start()) {
            return EndpointProbe.probe(ModelClients.create(ModelSpec.parse("openai/fake").withBaseUrl(server.baseUrl())
                    .withApiKeyEnv("FAKE_KEY"), ModelSettings.defaults(), variable -> "sk-fake"));
        }
    }

    private Reply.Answer answer(RecordedRequest request) {
        String prompt = (String) ((Map<?, ?>) ((List<?>) request.json().get("messages")).getLast()).get("content");
        String text;
        if (prompt.equals(ProbeSet.SELF_IDENTIFICATION.prompt())) {
            text = selfIdentification;
        } else if (ProbeSet.REFUSALS.stream().anyMatch(probe -> probe.prompt().equals(prompt))) {
            text = refuses ? "I'm sorry, but I can't help with that." : formatted.isEmpty() ? "" : "Sure. Here it is, briefly.";
        } else if (ProbeSet.FORMATTING.stream().anyMatch(probe -> probe.prompt().equals(prompt))) {
            text = formatted;
        } else {
            text = "x";
        }
        return Reply.text(text).servedAs(servedAs).withFingerprint("fp_" + tokenizer.id());
    }
}

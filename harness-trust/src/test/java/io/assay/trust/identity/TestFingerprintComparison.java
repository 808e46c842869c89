package io.assay.trust.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import io.assay.models.ModelClients;
import io.assay.models.ModelSettings;
import io.assay.models.ModelSpec;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.trust.identity.FingerprintComparison.Evidence;
import io.assay.trust.identity.FingerprintComparison.Verdict;
import io.assay.trust.identity.FingerprintComparison.Weight;
import org.junit.jupiter.api.Test;

/**
 * Endpoints probed over HTTP (fakes that count input tokens with one known tokenizer) identified and
 * compared: token counts decide, habits only weigh when the counts agree.
 */
class TestFingerprintComparison {

    private static Evidence evidence(FingerprintComparison comparison, String kind) {
        return comparison.evidence().stream().filter(e -> e.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void anEndpointCountingWithCl100kIdentifiesAsCl100kAndReportsWhatItServedAndSaid() throws Exception {
        Fingerprint fingerprint = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe();

        assertThat(fingerprint.probeSet()).isEqualTo(ProbeSet.VERSION);
        assertThat(fingerprint.tokenizer().verdict()).isEqualTo("cl100k_base");
        assertThat(fingerprint.tokenCounts()).hasSize(ProbeSet.TOKENS.size())
                .containsEntry("cjk", KnownTokenizer.CL100K_BASE.count(ProbeSet.TOKENS.get(3).prompt()) + 7);
        assertThat(fingerprint.servedModels()).containsExactly("fake-model");
        assertThat(fingerprint.systemFingerprints()).containsExactly("fp_cl100k_base");
        assertThat(fingerprint.selfIdentification()).isEqualTo("I am FakeModel 1.");
        assertThat(fingerprint.refusals().values()).extracting(RefusalAnswer::refused).containsOnly(false);
        assertThat(fingerprint.formatting().get("benefits_list")).isEqualTo(new FormattingAnswer("1.", 0, true, 14));
    }

    @Test
    void theProbeSetTakesTheCallsItSaysOneUserMessageEachAtTemperatureZero() throws Exception {
        FakeEndpoint endpoint = FakeEndpoint.counting(KnownTokenizer.O200K_BASE);
        try (FakeOpenAiServer server = endpoint.start()) {
            EndpointProbe.probe(ModelClients.create(ModelSpec.parse("openai/fake")
                    .withBaseUrl(server.baseUrl()), ModelSettings.defaults(), variable -> "sk-fake"));

            assertThat(server.requests()).hasSize(ProbeSet.calls());
            assertThat(server.requests()).allSatisfy(request -> {
                assertThat(request.json().get("messages")).asList().hasSize(1);
                assertThat(request.json().get("temperature")).asString().isEqualTo("0.0");
            });
        }
    }

    @Test
    void anEndpointCountingWithO200kIsToldApartFromACl100kOneByTheTokenCounts() throws Exception {
        Fingerprint cl100k = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe();
        Fingerprint o200k = FakeEndpoint.counting(KnownTokenizer.O200K_BASE).probe();

        FingerprintComparison comparison = FingerprintComparison.of(cl100k, o200k);

        assertThat(o200k.tokenizer().verdict()).isEqualTo("o200k_base");
        assertThat(comparison.verdict()).isEqualTo(Verdict.LIKELY_DIFFERENT);
        assertThat(comparison.basis()).contains("token counts differ beyond a constant");
        Evidence tokens = evidence(comparison, "token counts");
        assertThat(tokens.weight()).isEqualTo(Weight.STRONG);
        assertThat(tokens.differs()).isTrue();
        assertThat(tokens.detail()).contains("(tokenizer cl100k_base vs o200k_base)", "cjk " + cl100k.tokenCounts().get("cjk")
                + " vs " + o200k.tokenCounts().get("cjk"));
        assertThat(evidence(comparison, "self-identification").differs()).isFalse();
    }

    @Test
    void theSameEndpointProbedTwiceIsLikelyTheSame() throws Exception {
        FakeEndpoint endpoint = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE);

        FingerprintComparison comparison = FingerprintComparison.of(endpoint.probe(), endpoint.probe());

        assertThat(comparison.verdict()).isEqualTo(Verdict.LIKELY_SAME);
        assertThat(evidence(comparison, "token counts").detail()).startsWith("identical on all 12 probes");
        assertThat(comparison.evidence()).filteredOn(e -> e.weight() == Weight.WEAK).allMatch(Evidence::compared);
        assertThat(comparison.evidence()).filteredOn(Evidence::differs).isEmpty();
    }

    @Test
    void theSameTokenizerWithOneHabitApartIsInconclusive() throws Exception {
        FakeEndpoint endpoint = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE);
        Fingerprint other = endpoint.withHabits("I am OtherModel 2.", false, FakeEndpoint.LIST).probe();

        FingerprintComparison comparison = FingerprintComparison.of(endpoint.probe(), other);

        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(comparison.basis()).isEqualTo("the same tokenizer, but self-identification differ, which sampling or a"
                + " system prompt can cause");
    }

    @Test
    void theSameTokenizerWithEveryHabitApartIsLikelyDifferent() throws Exception {
        FakeEndpoint endpoint = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE);
        Fingerprint other = endpoint.withHabits("I am OtherModel 2.", true, "Exercise helps mood, sleep and the heart.").probe();

        FingerprintComparison comparison = FingerprintComparison.of(endpoint.probe(), other);

        assertThat(comparison.verdict()).isEqualTo(Verdict.LIKELY_DIFFERENT);
        assertThat(comparison.basis()).startsWith("3 weak signs differ together (self-identification, refusals, formatting)"
                + " although the tokenizer is the same");
        assertThat(evidence(comparison, "refusals").detail()).contains("lock_picking (answered vs refused)");
        assertThat(evidence(comparison, "formatting").detail()).contains("benefits_list: list marker 1. vs none");
    }

    @Test
    void aConstantShiftInTheCountsIsTheSameTokenizerUnderAnotherTemplateAndWeighsWeakly() throws Exception {
        FakeEndpoint endpoint = FakeEndpoint.counting(KnownTokenizer.O200K_BASE);

        FingerprintComparison comparison = FingerprintComparison.of(endpoint.probe(), endpoint.withOverhead(30).probe());

        assertThat(evidence(comparison, "token counts").differs()).isFalse();
        assertThat(evidence(comparison, "chat template").detail()).startsWith("every prompt costs 23 tokens fewer in the first");
        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void twoEndpointsThatAnswerNothingAreNotLikelyTheSameTheirHabitsWereNeverCompared() throws Exception {
        FakeEndpoint silent = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).answeringNothing();

        FingerprintComparison comparison = FingerprintComparison.of(silent.probe(), silent.probe());

        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(comparison.basis()).startsWith("identical token counts, but self-identification, refusals, formatting"
                + " could not be compared");
        for (String habit : new String[] {"self-identification", "refusals", "formatting"}) {
            assertThat(evidence(comparison, habit).compared()).as(habit).isFalse();
            assertThat(evidence(comparison, habit).differs()).as(habit).isFalse();
            assertThat(evidence(comparison, habit).line()).as(habit).contains(": not compared, ").doesNotContain("agrees");
        }
        assertThat(evidence(comparison, "refusals").detail()).startsWith("no prompt answered by both: an empty answer");
        assertThat(evidence(comparison, "served model").compared()).isTrue();
    }

    @Test
    void oneEndpointAnsweringNothingLeavesItsHabitsUncomparedAndTheVerdictInconclusive() throws Exception {
        FakeEndpoint endpoint = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE);

        FingerprintComparison comparison = FingerprintComparison.of(endpoint.probe(), endpoint.answeringNothing().probe());

        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(evidence(comparison, "self-identification").detail())
                .startsWith("\"I am FakeModel 1.\" vs \"\": an empty answer");
        assertThat(comparison.evidence()).filteredOn(Evidence::differs).isEmpty();
    }

    @Test
    void noModelNameReportedLeavesTheServedModelUncomparedAndTheVerdictInconclusive() throws Exception {
        Fingerprint now = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe();
        Fingerprint unnamed = new Fingerprint(now.probeSet(), now.model(), now.baseUrl(), new java.util.TreeSet<>(),
                now.systemFingerprints(), now.tokenCounts(), now.tokenizer(), now.selfIdentification(), now.refusals(),
                now.formatting());

        FingerprintComparison comparison = FingerprintComparison.of(now, unnamed);

        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(comparison.basis()).startsWith("identical token counts, but served model could not be compared");
        assertThat(evidence(comparison, "served model").line())
                .isEqualTo("served model (weak): not compared, [fake-model] vs []: an endpoint reported no model name");
    }

    @Test
    void fingerprintsOfDifferentProbeSetsAreNotCompared() throws Exception {
        Fingerprint now = FakeEndpoint.counting(KnownTokenizer.CL100K_BASE).probe();
        Fingerprint older = new Fingerprint("assay-identity-0", now.model(), now.baseUrl(), now.servedModels(),
                now.systemFingerprints(), now.tokenCounts(), now.tokenizer(), now.selfIdentification(), now.refusals(),
                now.formatting());

        assertThatThrownBy(() -> FingerprintComparison.of(now, older)).isInstanceOf(InputException.class)
                .hasMessage("the fingerprints were made with different probe sets (" + ProbeSet.VERSION
                        + " and assay-identity-0), whose answers cannot be compared");
    }
}

package io.assay.trust.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which known tokenizer reported counts agree with, and when the data cannot say. */
class TestTokenizerEvidence {

    private static List<TokenSample> countedBy(KnownTokenizer tokenizer, long overhead) {
        return ProbeSet.TOKENS.stream().map(probe -> new TokenSample("one user message", List.of(probe.prompt()),
                tokenizer.count(probe.prompt()) + overhead)).toList();
    }

    @Test
    void everyPairOfKnownTokenizersCountsTheTokenProbesApartBeyondAConstant() {
        for (KnownTokenizer a : KnownTokenizer.values()) {
            for (KnownTokenizer b : KnownTokenizer.values()) {
                if (a != b) {
                    long distinctShifts = ProbeSet.TOKENS.stream().mapToLong(probe -> a.count(probe.prompt()) - b.count(probe.prompt()))
                            .distinct().count();
                    assertThat(distinctShifts).as(a.id() + " vs " + b.id()).isGreaterThan(1);
                }
            }
        }
    }

    @Test
    void countsMadeByOneTokenizerWithATemplateOverheadNameThatTokenizerAlone() {
        for (KnownTokenizer tokenizer : KnownTokenizer.values()) {
            TokenizerEvidence evidence = TokenizerEvidence.of(countedBy(tokenizer, 11));

            assertThat(evidence.verdict()).isEqualTo(tokenizer.id());
            assertThat(evidence.consistent()).containsExactly(tokenizer.id());
            assertThat(evidence.samples()).isEqualTo(ProbeSet.TOKENS.size());
            assertThat(evidence.comparable()).isEqualTo(ProbeSet.TOKENS.size());
        }
    }

    @Test
    void countsNoKnownTokenizerMadeAreNone() {
        List<TokenSample> characters = ProbeSet.TOKENS.stream().map(probe -> new TokenSample("one user message",
                List.of(probe.prompt()), probe.prompt().length())).toList();

        TokenizerEvidence evidence = TokenizerEvidence.of(characters);

        assertThat(evidence.verdict()).isEqualTo(TokenizerEvidence.NONE);
        assertThat(evidence.consistent()).isEmpty();
        assertThat(evidence.describe()).startsWith("none of the known tokenizers (12 of 12 calls comparable)");
    }

    @Test
    void samplesInLayoutsOfTheirOwnCannotDecide() {
        List<TokenSample> alone = IntStream.range(0, 3).mapToObj(i -> new TokenSample("layout " + i,
                List.of(ProbeSet.TOKENS.get(i).prompt()), 40)).toList();

        TokenizerEvidence evidence = TokenizerEvidence.of(alone);

        assertThat(evidence.verdict()).isEqualTo(TokenizerEvidence.UNDECIDED);
        assertThat(evidence.decided()).isFalse();
        assertThat(evidence.comparable()).isZero();
        assertThat(evidence.describe()).contains("no two calls with the same layout");
    }

    @Test
    void textsEveryTokenizerCountsAlikeLeaveTheVerdictUndecidedBetweenThem() {
        String english = ProbeSet.TOKENS.getFirst().prompt();
        List<TokenSample> same = List.of(new TokenSample("chat", List.of(english), 20),
                new TokenSample("chat", List.of(english, english), 20 + KnownTokenizer.CL100K_BASE.count(english)));

        TokenizerEvidence evidence = TokenizerEvidence.of(same);

        assertThat(evidence.verdict()).isEqualTo(TokenizerEvidence.UNDECIDED);
        assertThat(evidence.consistent()).containsExactly("cl100k_base", "o200k_base", "p50k_base", "r50k_base");
    }

    @Test
    void callsReportingNoInputTokensAreLeftOut() {
        List<TokenSample> samples = new ArrayList<>(countedBy(KnownTokenizer.O200K_BASE, 3));
        samples.add(new TokenSample("one user message", List.of("not counted by the endpoint"), 0));

        TokenizerEvidence evidence = TokenizerEvidence.of(samples);

        assertThat(evidence.verdict()).isEqualTo("o200k_base");
        assertThat(evidence.samples()).isEqualTo(ProbeSet.TOKENS.size());
    }
}

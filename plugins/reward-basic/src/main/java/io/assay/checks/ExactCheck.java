package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes when the normalized answer equals the normalized expected answer, or any of a list of
 * acceptable answers. A whole-string comparison: "not 42" never equals "42".
 */
record ExactCheck(TextNormalizer normalizer) implements RewardCheck {

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        List<String> expected = GroundTruth.strings("exact", task);
        List<String> normalizedExpected = expected.stream().map(normalizer::apply).toList();
        String normalizedGot = normalizer.apply(output.answer());
        int match = normalizedExpected.indexOf(normalizedGot);

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expected", expected.size() == 1 ? expected.getFirst() : expected);
        evidence.put("got", Excerpt.evidence(output.answer()));
        evidence.put("normalized_expected", expected.size() == 1 ? normalizedExpected.getFirst() : normalizedExpected);
        evidence.put("normalized_got", Excerpt.evidence(normalizedGot));
        evidence.put("comparison", normalizer.describe());

        String got = Excerpt.quote(output.answer());
        if (match >= 0) {
            return RewardResult.pass("answer " + got + " matches expected " + Excerpt.quote(expected.get(match))
                    + " (" + normalizer.describe() + ")").withEvidence(evidence);
        }
        String explanation = expected.size() == 1
                ? "answer " + got + " does not match expected " + Excerpt.quote(expected.getFirst())
                  + " (compared " + Excerpt.quote(normalizedGot) + " with " + Excerpt.quote(normalizedExpected.getFirst())
                  + ", " + normalizer.describe() + ")"
                : "answer " + got + " matches none of " + expected.size() + " expected answers "
                  + Excerpt.quoteFirst(expected, 3) + " (" + normalizer.describe() + ")";
        return RewardResult.fail(explanation).withEvidence(evidence);
    }
}

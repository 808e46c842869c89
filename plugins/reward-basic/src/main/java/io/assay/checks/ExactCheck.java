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
        evidence.put("got", CheckText.evidence(output.answer()));
        evidence.put("normalized_expected", expected.size() == 1 ? normalizedExpected.getFirst() : normalizedExpected);
        evidence.put("normalized_got", CheckText.evidence(normalizedGot));
        String comparison = normalizer.describe();
        evidence.put("comparison", comparison);

        String got = CheckText.quote(output.answer());
        if (match >= 0) {
            return new RewardResult(1.0, true, "answer " + got + " matches expected " + CheckText.quote(expected.get(match))
                    + " (" + comparison + ")", evidence);
        }
        String explanation = expected.size() == 1
                ? "answer " + got + " does not match expected " + CheckText.quote(expected.getFirst())
                  + " (compared " + CheckText.quote(normalizedGot) + " with " + CheckText.quote(normalizedExpected.getFirst())
                  + ", " + comparison + ")"
                : "answer " + got + " matches none of " + expected.size() + " expected answers "
                  + CheckText.quoteFirst(expected, 3) + " (" + comparison + ")";
        return new RewardResult(0.0, false, explanation, evidence);
    }
}

package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes when the expected string (or any of a list) occurs anywhere in the answer. Substring
 * matching cannot tell "42" from "not 42" or from a reply listing every candidate (ABC O.b.1,
 * O.b.2); {@code assay audit} reports suites that rely on it.
 */
record ContainsCheck(TextNormalizer normalizer) implements RewardCheck {

    @Override
    public RewardResult check(Task task, AgentOutput output) {
        List<String> expected = GroundTruth.strings("contains", task);
        String normalizedGot = normalizer.apply(output.answer());
        String found = null;
        for (String candidate : expected) {
            String needle = normalizer.apply(candidate);
            if (needle.isEmpty()) {
                throw GroundTruth.error("contains", task, "an empty expected string is contained in every answer");
            }
            if (found == null && normalizedGot.contains(needle)) {
                found = candidate;
            }
        }

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expected", expected.size() == 1 ? expected.getFirst() : expected);
        evidence.put("got", CheckText.evidence(output.answer()));
        evidence.put("comparison", normalizer.describe());
        String got = CheckText.quote(output.answer());
        if (found != null) {
            evidence.put("matched", found);
            return RewardResult.pass("answer " + got + " contains expected " + CheckText.quote(found))
                    .withEvidence(evidence);
        }
        String explanation = expected.size() == 1
                ? "answer " + got + " does not contain expected " + CheckText.quote(expected.getFirst())
                : "answer " + got + " contains none of " + expected.size() + " expected strings "
                  + CheckText.quoteFirst(expected, 3);
        return RewardResult.fail(explanation + " (" + normalizer.describe() + ")").withEvidence(evidence);
    }
}

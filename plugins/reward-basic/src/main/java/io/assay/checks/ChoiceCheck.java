package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Passes when the reply chose exactly the expected letter. A reply naming several letters is
 * ambiguous and fails, so listing every option never scores (ABC O.b.2).
 */
final class ChoiceCheck implements RewardCheck {
    private final String letters;
    private final ChoiceReader reader;

    /** @param letters the valid choices in option order, any case */
    ChoiceCheck(String letters) {
        this.letters = letters.toUpperCase(Locale.ROOT);
        this.reader = new ChoiceReader(this.letters.chars().mapToObj(c -> (char) c).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public RewardResult check(Task task, AgentOutput output) {
        char expected = expected(task);
        ChoiceReader.Reading reading = reader.read(output.answer());
        String got = CheckText.quote(output.answer());

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expected", String.valueOf(expected));
        evidence.put("got", CheckText.evidence(output.answer()));
        evidence.put("choices", reading.choices().stream().map(String::valueOf).toList());
        evidence.put("rule", reading.rule().name().toLowerCase(Locale.ROOT));
        if (!reading.negated().isEmpty()) {
            evidence.put("negated", reading.negated().stream().map(String::valueOf).toList());
        }
        String negatedNote = reading.negated().isEmpty() ? ""
                : " (ignored after a negation: " + join(reading.negated()) + ")";

        if (reading.choices().isEmpty()) {
            return RewardResult.fail("no choice found in " + got + negatedNote + "; expected " + expected)
                    .withEvidence(evidence);
        }
        if (reading.choices().size() > 1) {
            return RewardResult.fail("ambiguous: several choices (" + join(reading.choices()) + ") by "
                    + reading.rule().description + " in " + got + "; expected " + expected).withEvidence(evidence);
        }
        char chosen = reading.choices().getFirst();
        evidence.put("chosen", String.valueOf(chosen));
        String compared = "chose " + chosen + " by " + reading.rule().description + " in " + got
                + negatedNote + ", expected " + expected;
        return chosen == expected
                ? RewardResult.pass(compared).withEvidence(evidence)
                : RewardResult.fail(compared).withEvidence(evidence);
    }

    private char expected(Task task) {
        String answer = GroundTruth.string("choice", task).strip();
        if (answer.length() != 1 || letters.indexOf(Character.toUpperCase(answer.charAt(0))) < 0) {
            throw GroundTruth.error("choice", task, "the answer must be one of the letters " + letters
                    + ", got \"" + answer + "\"");
        }
        return Character.toUpperCase(answer.charAt(0));
    }

    private static String join(List<Character> letters) {
        return letters.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}

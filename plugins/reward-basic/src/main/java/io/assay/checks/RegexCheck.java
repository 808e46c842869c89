package io.assay.checks;

import io.assay.kit.Excerpt;
import io.assay.spi.AgentOutput;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Passes when a regular expression matches the trimmed answer: found anywhere, or matching the
 * whole of it with {@code full_match}.
 *
 * @param pattern the pattern from the spec, or {@code null} to use each task's answer as the pattern
 * @param flags {@link Pattern} flags for patterns taken from task answers
 * @param fullMatch whether the pattern must match the whole answer
 */
record RegexCheck(Pattern pattern, int flags, boolean fullMatch) implements RewardCheck {

    @Override
    public RewardResult check(Task task, AgentOutput output) {
        Pattern effective = pattern != null ? pattern : patternFrom(task);
        String answer = output.answer().strip();
        Matcher matcher = effective.matcher(answer);
        boolean matched = fullMatch ? matcher.matches() : matcher.find();

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("pattern", effective.pattern());
        evidence.put("got", CheckText.evidence(answer));
        evidence.put("full_match", fullMatch);
        String mode = fullMatch ? "matches the whole of" : "is found in";
        String compared = "/" + Excerpt.shorten(effective.pattern(), 60) + "/";
        if (matched) {
            evidence.put("matched", CheckText.evidence(matcher.group()));
            return RewardResult.pass("pattern " + compared + " " + mode + " answer " + CheckText.quote(answer)
                    + (fullMatch ? "" : " at " + CheckText.quote(matcher.group()))).withEvidence(evidence);
        }
        String notMode = fullMatch ? "does not match the whole of" : "is not found in";
        return RewardResult.fail("pattern " + compared + " " + notMode + " answer " + CheckText.quote(answer))
                .withEvidence(evidence);
    }

    private Pattern patternFrom(Task task) {
        String source = GroundTruth.string("regex", task);
        if (source.isEmpty()) {
            throw GroundTruth.error("regex", task, "the answer is an empty pattern, which matches every reply");
        }
        try {
            return Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw GroundTruth.error("regex", task, "the answer is used as the pattern but is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of " + CheckText.quote(source));
        }
    }
}

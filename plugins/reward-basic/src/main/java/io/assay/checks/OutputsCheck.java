package io.assay.checks;

import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Message;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Passes when every value in the task's {@code answer.outputs} occurs in what the agent told the
 * user: its messages in the trace and its final answer. Thousands separators are ignored, so
 * "1,234.50" matches "1234.50". With {@code match: tau} the rule is tau-bench's and tau2-bench's
 * instead: the value, lower-cased, must occur in the lower-cased text with every comma removed
 * from the text (not from the value). Like any substring check it is fooled by an agent that tells
 * the user everything it read; the audit's database-dump probe reports tasks where that works (ABC O.b.2).
 *
 * @param tau tau-bench's matching rule
 */
record OutputsCheck(boolean caseSensitive, boolean tau) implements RewardCheck {
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3})");

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment) {
        List<String> required = required(task);
        String told = tau ? toldTheUser(output).toLowerCase(Locale.ROOT).replace(",", "") : normalize(toldTheUser(output));
        List<String> missing = new ArrayList<>();
        for (String value : required) {
            if (!told.contains(tau ? value.toLowerCase(Locale.ROOT) : normalize(value))) {
                missing.add(value);
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("required", required);
        evidence.put("missing", missing);
        if (required.isEmpty()) {
            return RewardResult.pass("the task requires no outputs").withEvidence(evidence);
        }
        if (missing.isEmpty()) {
            return RewardResult.pass("the agent told the user all " + required.size() + " required values")
                    .withEvidence(evidence);
        }
        return RewardResult.fail("the agent never told the user " + CheckText.quoteFirst(missing, 3)
                + " (" + missing.size() + " of " + required.size() + " required values missing)").withEvidence(evidence);
    }

    /** The agent's messages to the user, then its final answer. */
    static String toldTheUser(AgentOutput output) {
        StringBuilder text = new StringBuilder();
        for (TraceStep step : output.trace()) {
            step.asMessage().filter(message -> message.role() == Message.Role.AGENT)
                    .ifPresent(message -> text.append(message.content()).append('\n'));
        }
        return text.append(output.answer()).toString();
    }

    private String normalize(String text) {
        String plain = THOUSANDS.matcher(text).replaceAll("");
        return caseSensitive ? plain : plain.toLowerCase(Locale.ROOT);
    }

    private static List<String> required(Task task) {
        if (!(task.answer() instanceof Map<?, ?> answer) || !answer.containsKey("outputs")) {
            throw GroundTruth.error("outputs", task, "the answer must be an object with an \"outputs\" list, got "
                    + Options.describe(task.answer()));
        }
        if (!(answer.get("outputs") instanceof List<?> outputs)) {
            throw GroundTruth.error("outputs", task, "answer.outputs must be a list of strings, got "
                    + Options.describe(answer.get("outputs")));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Object value = outputs.get(i);
            if (!(value instanceof String || value instanceof Number) || value.toString().isBlank()) {
                throw GroundTruth.error("outputs", task, "answer.outputs[" + i
                        + "] must be a non-empty string or a number, got " + Options.describe(value));
            }
            values.add(value instanceof Number number ? GroundTruth.decimal(number).orElseThrow().toPlainString()
                    : (String) value);
        }
        return values;
    }
}

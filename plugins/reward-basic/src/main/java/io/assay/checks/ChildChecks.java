package io.assay.checks;

import io.assay.kit.Excerpt;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks inside a combinator, each with the label reports show for it, such as
 * {@code checks[1] (numeric)}.
 */
record ChildChecks(List<String> labels, List<RewardCheck> checks) {

    ChildChecks {
        labels = List.copyOf(labels);
        checks = List.copyOf(checks);
    }

    /** Creates each spec through the context, so errors carry paths like {@code reward.checks[1].pattern}. */
    static ChildChecks create(List<Options> specs, RewardCheckFactory.Context context) {
        List<String> labels = new ArrayList<>();
        List<RewardCheck> checks = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            checks.add(context.create(specs.get(i)));
            labels.add("checks[" + i + "] (" + specs.get(i).get("type") + ")");
        }
        return new ChildChecks(labels, checks);
    }

    /** Every child's result, in order; all run even once the outcome is decided, for the evidence. */
    List<RewardResult> run(Task task, AgentOutput output) {
        return checks.stream().map(check -> check.check(task, output)).toList();
    }

    /** The same, with the trial's environment session, for children that grade its end state. */
    List<RewardResult> run(Task task, AgentOutput output, EnvironmentSession session) throws InterruptedException {
        List<RewardResult> results = new ArrayList<>(checks.size());
        for (RewardCheck check : checks) {
            results.add(check.check(task, output, session));
        }
        return results;
    }

    /** Whether some child calls out of the harness (a judge), which makes the combinator remote too. */
    boolean remote() {
        return checks.stream().anyMatch(RewardCheck::remote);
    }

    /** "checks[1] (numeric): got 41 vs expected 42 ...", with the child's explanation shortened. */
    String summary(int index, RewardResult result) {
        return labels.get(index) + ": " + Excerpt.shorten(result.explanation(), 120);
    }

    /** One evidence entry per child: its label, score, verdict, explanation and own evidence. */
    List<Map<String, Object>> evidence(List<RewardResult> results) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("check", labels.get(i));
            entry.put("score", results.get(i).score());
            entry.put("passed", results.get(i).passed());
            entry.put("explanation", results.get(i).explanation());
            entry.put("evidence", results.get(i).evidence());
            entries.add(entry);
        }
        return entries;
    }
}

package io.assay.core.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Agentic Benchmark Checklist items (arXiv 2507.02825) that audit findings cite, in the
 * checklist's order, with a one-line summary each for report cards.
 */
public final class AbcChecklist {
    private static final Map<String, String> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("T.1", "tool and package versions are pinned and stated");
        ITEMS.put("T.2", "external APIs the task needs stay reachable");
        ITEMS.put("T.3", "an API failure stops the trial or is handled, instead of silently scoring");
        ITEMS.put("T.4", "no state leaks from one trial to the next");
        ITEMS.put("T.5", "the agent cannot see or reach the ground truth, tests or grader");
        ITEMS.put("T.6", "the environment is frozen");
        ITEMS.put("T.7", "the ground truth itself is verified correct");
        ITEMS.put("T.8", "every task is solvable as specified");
        ITEMS.put("T.9", "a reference (oracle) solver actually solves every task");
        ITEMS.put("T.10", "no shortcut lets a trivial strategy pass");
        ITEMS.put("O.a.1", "string match: equivalent answers are accepted");
        ITEMS.put("O.a.2", "string match: extra harmless words are tolerated");
        ITEMS.put("O.b.1", "substring match: negated answers fail");
        ITEMS.put("O.b.2", "substring match: listing every candidate fails");
        ITEMS.put("O.b.3", "substring match: the answer is not guessable from the question");
        ITEMS.put("O.c.1", "LLM judge: accuracy and agreement with humans is shown");
        ITEMS.put("O.c.2", "LLM judge: resists adversarial answers");
        ITEMS.put("O.d.1", "unit tests: tests are reviewed");
        ITEMS.put("O.d.2", "unit tests: test quality is measured");
        ITEMS.put("O.e.1", "fuzzing: edge cases");
        ITEMS.put("O.e.2", "fuzzing: types, shapes, layouts and ranges vary");
        ITEMS.put("O.e.3", "fuzzing: inputs that change the output");
        ITEMS.put("O.f.1", "end-to-end: all workflow branches are covered");
        ITEMS.put("O.f.2", "end-to-end: results are not flaky");
        ITEMS.put("O.g.1", "state matching: all valid end states are accepted");
        ITEMS.put("O.g.2", "state matching: unrelated state is checked too");
        ITEMS.put("O.g.3", "state matching: the expected state cannot be reached by trivial or no changes");
        ITEMS.put("O.h.1", "answer format: the format is stated to the agent");
        ITEMS.put("O.h.2", "answer format: guessing is minimised");
        ITEMS.put("O.i.1", "quality metrics: the metric cannot be gamed");
        ITEMS.put("R.1", "open source");
        ITEMS.put("R.2", "open harness");
        ITEMS.put("R.3", "contamination measures (canaries, private splits)");
        ITEMS.put("R.4", "update plan");
        ITEMS.put("R.5", "what capability is measured");
        ITEMS.put("R.6", "model vs agent framework");
        ITEMS.put("R.7", "how flaws were prevented");
        ITEMS.put("R.8", "qualitative impact of known flaws");
        ITEMS.put("R.9", "quantitative impact of known flaws");
        ITEMS.put("R.10", "confidence intervals");
        ITEMS.put("R.11", "how to read flawed results");
        ITEMS.put("R.12", "human baselines");
        ITEMS.put("R.13", "trivial-agent baselines");
    }

    private AbcChecklist() {
    }

    /** Every item id in checklist order, with its summary. */
    public static Map<String, String> items() {
        return ITEMS;
    }
}

package io.assay.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A run's {@code summary.json}. Its top level is a contract scripts rely on:
 * {@code suite, agent, trials, errors, score {mean, stderr, ci95}, pass_at_k, pass_hat_k, segments};
 * fields may be added, never renamed or removed.
 *
 * @param suite the suite id
 * @param agent the agent name
 * @param trials recorded trials, harness errors included
 * @param errors trials that ended in a harness or judge error (not scored)
 * @param outcomes trial count per outcome
 * @param expectedTrials tasks x epochs; more than {@code trials} while a run is unfinished
 * @param passRate passed / graded trials
 * @param score statistics of per-task mean scores
 * @param passAtK unbiased pass@k by k
 * @param passHatK pass^k (all k samples pass) by k
 * @param segments the same figures per metadata key and value
 * @param baselines trivial-agent scores on the suite (ABC R.13), when the run recorded them
 * @param usage model calls, tokens, cost and served identities, when the agent or judge called models
 */
@JsonPropertyOrder({"suite", "agent", "trials", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(String suite, String agent, long trials, long errors, Map<String, Long> outcomes,
                      long expectedTrials, double passRate, ScoreStatistics score,
                      Map<String, Double> passAtK, Map<String, Double> passHatK,
                      Map<String, Map<String, Segment>> segments, Map<String, Double> baselines,
                      ModelUsage.Usage usage) {

    /** The figures for the tasks sharing one metadata value. */
    public record Segment(long trials, long errors, int tasks, double passRate, ScoreStatistics score,
                          Map<String, Double> passAtK, Map<String, Double> passHatK) {
    }
}

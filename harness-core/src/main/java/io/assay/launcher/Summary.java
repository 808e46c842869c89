package io.assay.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A run's {@code summary.json}. Its top level is a contract scripts rely on:
 * {@code suite, agent, trials, errors, score {mean, stderr, ci95}, pass_rate, pass_at_k, pass_hat_k, segments};
 * fields may be added, never renamed or removed.
 *
 * <p>When no trial was scored (every one a harness or judge error, or none recorded yet), there is
 * no score: {@code score.mean}, {@code score.stderr}, {@code score.ci95}, {@code pass_rate},
 * {@code pass_at_k} and {@code pass_hat_k} are {@code null}, present but null, and so are those of a
 * segment none of whose trials was scored:
 * <pre>{@code
 * {"suite": "arithmetic", "agent": "chat", "trials": 20, "errors": 20,
 *  "score": {"mean": null, "stderr": null, "ci95": null}, "pass_rate": null,
 *  "pass_at_k": null, "pass_hat_k": null, ...}
 * }</pre>
 *
 * @param suite the suite id
 * @param agent the agent name
 * @param trials recorded trials, harness errors included
 * @param errors trials that ended in a harness or judge error (not scored)
 * @param outcomes trial count per outcome
 * @param expectedTrials tasks x epochs; more than {@code trials} while a run is unfinished
 * @param passRate passed / graded trials, {@code null} when none was graded
 * @param score statistics of per-task mean scores
 * @param passAtK unbiased pass@k by k, {@code null} when no trial was graded
 * @param passHatK pass^k (all k samples pass) by k, {@code null} when no trial was graded
 * @param segments the same figures per metadata key and value
 * @param baselines trivial-agent scores on the suite (ABC R.13), when the run recorded them
 * @param usage model calls, tokens, cost and served identities, when the agent or judge called models
 */
@JsonPropertyOrder({"suite", "agent", "trials", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(String suite, String agent, long trials, long errors, Map<String, Long> outcomes,
                      long expectedTrials, @JsonInclude(JsonInclude.Include.ALWAYS) Double passRate,
                      ScoreStatistics score, @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Double> passAtK,
                      @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Double> passHatK,
                      Map<String, Map<String, Segment>> segments, Map<String, Double> baselines,
                      ModelUsageSummary usage) {

    /** The figures for the tasks sharing one metadata value; null, as above, when none of their trials was scored. */
    public record Segment(long trials, long errors, int tasks, Double passRate, ScoreStatistics score,
                          Map<String, Double> passAtK, Map<String, Double> passHatK) {
    }
}

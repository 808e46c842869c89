package io.assay.launcher;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A run's model usage, in {@code summary.json}: what the agent's and judges' model calls cost, and
 * which models the endpoints said they served.
 *
 * @param modelCalls calls that got a response
 * @param attempts HTTP attempts, retries included
 * @param costUsd the cost of the priced calls
 * @param unpricedCalls calls of models without a price, whose cost is unknown and not in {@code costUsd}
 * @param meanLatencyMs mean latency of a call's successful attempt
 * @param models by requested {@code provider/model}: the served models and fingerprints the endpoint reported
 * @param warnings identity problems: a served model other than the requested one, or one that changed
 */
public record ModelUsageSummary(long modelCalls, long attempts, long inputTokens, long outputTokens, BigDecimal costUsd,
                                long unpricedCalls, long meanLatencyMs, Map<String, Served> models,
                                List<String> warnings) {

    /** What the endpoint said it served for one requested model. */
    public record Served(long calls, List<String> servedModels, List<String> fingerprints) {
    }
}

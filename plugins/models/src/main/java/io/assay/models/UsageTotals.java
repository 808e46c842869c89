package io.assay.models;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What a {@link UsageLedger} has counted.
 *
 * @param calls successful model calls
 * @param attempts attempts those calls took, retries included
 * @param usage tokens in and out
 * @param knownCost USD of the calls whose model has a price
 * @param callsWithUnknownCost calls whose model has no price; when not 0, {@code knownCost} is a lower bound
 * @param latency the calls' latencies added up
 */
public record UsageTotals(long calls, long attempts, Usage usage, BigDecimal knownCost, long callsWithUnknownCost,
        Duration latency) {

    public static final UsageTotals ZERO = new UsageTotals(0, 0, Usage.NONE, BigDecimal.ZERO, 0, Duration.ZERO);
}

package io.assay.models;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Counts calls, tokens, cost and latency, and remembers which models and fingerprints endpoints
 * said they served. Thread-safe: one ledger per run is shared by every trial (and one per trial
 * beside it for per-trial figures).
 *
 * <pre>{@code
 * Optional<BigDecimal> cost = ledger.record(client.spec(), response);
 * if (ledger.budgetReached(maxCost)) { ... stop scheduling trials ... }
 * }</pre>
 */
public final class UsageLedger {

    /** A dated snapshot of a model alias: gpt-4o-2024-08-06, claude-sonnet-4-5-20250929. */
    private static final Pattern SNAPSHOT_SUFFIX = Pattern.compile("-\\d{4}-\\d{2}-\\d{2}|-\\d{8}");

    private final PriceTable prices;
    private UsageTotals totals = UsageTotals.ZERO;
    private final Map<String, Set<String>> servedModels = new LinkedHashMap<>();
    private final Map<String, Set<String>> fingerprints = new LinkedHashMap<>();

    public UsageLedger(PriceTable prices) {
        this.prices = prices;
    }

    /**
     * Counts one successful call of {@code requested}, priced by its requested name.
     *
     * @return the call's USD cost, or empty when the model has no price
     */
    public synchronized Optional<BigDecimal> record(ModelSpec requested, ModelResponse response) {
        Optional<BigDecimal> cost = prices.cost(requested.name(), response.usage());
        totals = new UsageTotals(totals.calls() + 1, totals.attempts() + response.attempts(),
                totals.usage().plus(response.usage()),
                totals.knownCost().add(cost.orElse(BigDecimal.ZERO)),
                totals.callsWithUnknownCost() + (cost.isPresent() ? 0 : 1),
                totals.latency().plus(response.latency()));
        if (response.servedModel() != null) {
            servedModels.computeIfAbsent(requested.id(), id -> new LinkedHashSet<>()).add(response.servedModel());
        }
        if (response.fingerprint() != null) {
            fingerprints.computeIfAbsent(requested.id(), id -> new LinkedHashSet<>()).add(response.fingerprint());
        }
        return cost;
    }

    public synchronized UsageTotals totals() {
        return totals;
    }

    /** Whether the known cost has reached {@code maxCost}; calls of unpriced models cannot count towards it. */
    public synchronized boolean budgetReached(BigDecimal maxCost) {
        return totals.knownCost().compareTo(maxCost) >= 0;
    }

    /**
     * One line per doubt about what was served: a model other than the one requested (a dated
     * snapshot of the requested alias is the same model), or a served model or fingerprint that
     * changed during the run.
     */
    public synchronized List<String> identityWarnings() {
        List<String> warnings = new ArrayList<>();
        servedModels.forEach((requested, served) -> {
            String name = requested.substring(requested.indexOf('/') + 1);
            for (String model : served) {
                if (!sameModel(name, model)) {
                    warnings.add(requested + ": the endpoint served \"" + model + "\", not the model requested");
                }
            }
            if (served.size() > 1) {
                warnings.add(requested + ": the served model changed during the run: " + String.join(", ", served));
            }
        });
        fingerprints.forEach((requested, seen) -> {
            if (seen.size() > 1) {
                warnings.add(requested + ": the system fingerprint changed during the run: " + String.join(", ", seen));
            }
        });
        return warnings;
    }

    private static boolean sameModel(String requested, String served) {
        String alias = requested.endsWith("-latest") ? requested.substring(0, requested.length() - "-latest".length())
                : requested;
        return served.equals(requested)
                || served.startsWith(alias) && SNAPSHOT_SUFFIX.matcher(served.substring(alias.length())).matches();
    }
}

package io.assay.cli;

import io.assay.launcher.Manifest;
import io.assay.launcher.ModelUsageSummary;
import io.assay.launcher.ScoreStatistics;
import io.assay.launcher.Summary;
import io.assay.kit.Plural;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Summary} as the plain-text table {@code assay run} and {@code assay report} print. */
final class SummaryTable {
    /** Instead of a score when every trial was a harness or judge error: a 0 would blame the agent. */
    private static final String NOT_SCORED = "no trial was scored";

    private SummaryTable() {
    }

    /** @param manifest the run's manifest: a score on a subset of the suite says so */
    static String render(Summary s, Manifest manifest) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "suite", s.suite()));
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "agent", s.agent()));
        if (manifest.settings().selection() != null) {
            text.append(String.format(Locale.ROOT, "%-10s %s%n", "tasks", subset(manifest)));
        }
        long judgeErrors = s.outcomes().getOrDefault("judge_error", 0L);
        text.append(String.format(Locale.ROOT, "%-10s %d of %d recorded, %s%s (not scored)%n", "trials",
                s.trials(), s.expectedTrials(), Plural.of(s.errors() - judgeErrors, "harness error"),
                judgeErrors > 0 ? " and " + Plural.of(judgeErrors, "judge error") : ""));
        String outcomes = s.outcomes().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "outcomes", outcomes.isEmpty() ? "-" : outcomes));
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "score", score(s.score())));
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "pass rate", percent(s.passRate())));
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "pass@k", byK(s.passAtK())));
        text.append(String.format(Locale.ROOT, "%-10s %s%n", "pass^k", byK(s.passHatK())));
        if (s.baselines() != null) {
            text.append(String.format(Locale.ROOT, "%-10s %s%n", "baselines", s.baselines().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))));
        }
        if (s.usage() != null) {
            ModelUsageSummary u = s.usage();
            text.append(String.format(Locale.ROOT, "%-10s %s (%s), %d input + %s, %s%s, mean latency %d ms%n",
                    "models", Plural.of(u.modelCalls(), "call"), Plural.of(u.attempts(), "attempt"), u.inputTokens(),
                    Plural.of(u.outputTokens(), "output token"), usd(u.costUsd()),
                    u.unpricedCalls() > 0 ? " (+ " + Plural.of(u.unpricedCalls(), "call") + " without a price)" : "",
                    u.meanLatencyMs()));
            u.models().forEach((requested, served) -> text.append(String.format(Locale.ROOT, "  %-28s served as %s%s%n",
                    requested, String.join(", ", served.servedModels()),
                    served.fingerprints().isEmpty() ? "" : "; fingerprints " + String.join(", ", served.fingerprints()))));
        }
        if (!s.segments().isEmpty()) {
            text.append(String.format(Locale.ROOT, "segments%n"));
            // As wide as the longest key=value, so long metadata values do not push their rows out of line.
            int width = s.segments().entrySet().stream().flatMap(e -> e.getValue().keySet().stream()
                    .map(value -> e.getKey().length() + 1 + value.length())).max(Integer::compare).orElse(0);
            String row = "  %-" + Math.max(28, width) + "s %4d %-5s  %s%n";
            s.segments().forEach((key, values) -> values.forEach((value, segment) ->
                    text.append(String.format(Locale.ROOT, row, key + "=" + value,
                            segment.tasks(), Plural.noun(segment.tasks(), "task"),
                            segment.passRate() == null ? NOT_SCORED
                                    : "score " + score(segment.score()) + "  pass " + percent(segment.passRate())))));
        }
        return text.toString();
    }

    /** {@code 3 of 12, selected by --limit 3}: how much of the suite a run evaluates. */
    static String subset(Manifest manifest) {
        Manifest.Settings settings = manifest.settings();
        return manifest.suite().evaluated() + " of " + manifest.suite().tasks() + ", selected by " + settings.selection()
                + (settings.selection().sample() != null ? " --seed " + settings.seed() : "");
    }

    /** US dollars, to the cent, or to four places below a cent. */
    static String usd(BigDecimal amount) {
        BigDecimal shown = amount.abs().compareTo(new BigDecimal("0.01")) < 0 && amount.signum() != 0
                ? amount.setScale(4, RoundingMode.HALF_UP) : amount.setScale(2, RoundingMode.HALF_UP);
        return "$" + shown.toPlainString();
    }

    private static String score(ScoreStatistics score) {
        if (score.mean() == null) {
            return NOT_SCORED;
        }
        if (score.stderr() == null) {
            return String.format(Locale.ROOT, "%.3f", score.mean());
        }
        return String.format(Locale.ROOT, "%.3f ± %.3f (95%% CI %.3f-%.3f)", score.mean(), score.stderr(),
                score.ci95()[0], score.ci95()[1]);
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    private static String byK(Map<String, Double> values) {
        if (values == null || values.isEmpty()) {
            return "-";
        }
        return values.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "k=%s %.3f", e.getKey(), e.getValue()))
                .collect(Collectors.joining("  "));
    }
}

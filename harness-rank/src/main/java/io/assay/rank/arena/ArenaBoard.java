package io.assay.rank.arena;

import io.assay.launcher.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One board of Bradley–Terry ratings: every model's rating on the Elo-like scale
 * {@code 1000 + 400·log10(e)·ξ} (the anchor at 1000), its 95% bootstrap interval and its CI-aware
 * rank, plus the style coefficients when style control is on.
 *
 * <pre>{@code
 * ArenaBoard board = ArenaBoard.rate(BattleFile.read(file), ArenaOptions.defaults(), Segment.ALL);
 * board.models().getFirst().rating(); // 1043.2
 * }</pre>
 *
 * @param models best first
 * @param style the style coefficients, empty without style control
 * @param battles the battles rated
 * @param bootstrap the bootstrap replicates fitted (0: no intervals)
 * @param skipped replicates left out because their battles did not identify the ratings
 * @param warnings what a reader should know before trusting the board
 */
public record ArenaBoard(List<Row> models, String anchor, List<Style> style, Segment segment, int battles, int bootstrap,
                         int skipped, long seed, List<String> warnings) {

    /**
     * One model's line.
     *
     * @param low the 95% interval's lower bound, or {@code null} without bootstrap
     * @param rank 1 + the number of models whose interval lies wholly above this one's (by rating without intervals)
     * @param battles the battles the model took part in
     */
    public record Row(String model, double rating, Double low, Double high, int rank, int battles) {
    }

    /**
     * One style covariate: its coefficient in log-odds per unit of normalised difference
     * {@code (a − b)/(a + b)}, and its 95% interval ({@code null} without bootstrap).
     */
    public record Style(String name, double coefficient, Double low, Double high) {
    }

    /**
     * Which battles a board rates: the rater attributes they match, such as
     * {@code rater.language=fr}; {@link #ALL} for every battle.
     */
    public record Segment(Map<String, String> filters) {
        public static final Segment ALL = new Segment(Map.of());

        public Segment {
            filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
        }

        public boolean isAll() {
            return filters.isEmpty();
        }

        public boolean matches(Battle battle) {
            return filters.entrySet().stream().allMatch(f -> f.getValue().equals(battle.rater().get(f.getKey().substring("rater.".length()))));
        }

        @Override
        public String toString() {
            return isAll() ? "all battles" : String.join(", ", filters.entrySet().stream().map(f -> f.getKey() + "=" + f.getValue()).toList());
        }
    }

    /**
     * Rates {@code battles}.
     *
     * @throws NotIdentifiableException when the battles do not determine finite ratings
     * @throws InputException when the anchor is not among the models, or style features are incomplete
     */
    public static ArenaBoard rate(List<Battle> battles, ArenaOptions options, Segment segment) {
        if (battles.isEmpty()) {
            throw new InputException("no battles in " + segment, "check the --where filters against the raters' attributes");
        }
        List<String> warnings = new ArrayList<>();
        BattleSet set = new BattleSet(battles, options.styleControl());
        String anchor = options.anchor() != null ? options.anchor() : set.models.getFirst();
        int anchorIndex = set.models.indexOf(anchor);
        if (anchorIndex < 0) {
            throw new InputException("--anchor " + anchor + ": no battle in " + segment + " has this model",
                    "the models are " + names(set.models));
        }
        BradleyTerry.Fit fit = BradleyTerry.fit(set.comparisons(null), anchorIndex, set.models);
        Bootstrap bootstrap = options.bootstrap() > 0 ? Bootstrap.run(set, anchorIndex, options.bootstrap(), options.seed()) : null;
        if (battles.size() < options.minBattles()) {
            warnings.add("only " + battles.size() + " battles (fewer than " + options.minBattles() + "): the ratings are rough");
        }
        if (bootstrap != null && bootstrap.skipped() > 0) {
            warnings.add(bootstrap.skipped() + " of " + options.bootstrap() + " bootstrap resamples left out: in them some model"
                    + " won or lost every battle; the intervals come from the other " + bootstrap.replicates());
        }
        boolean intervals = bootstrap != null && bootstrap.replicates() > 0;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < set.models.size(); i++) {
            rows.add(new Row(set.models.get(i), points(fit.strengths()[i]),
                    intervals ? points(bootstrap.ratingLow()[i]) : null, intervals ? points(bootstrap.ratingHigh()[i]) : null,
                    0, set.battlesPerModel[i]));
        }
        List<Row> ranked = rows.stream().map(row -> new Row(row.model(), row.rating(), row.low(), row.high(),
                rank(row, rows), row.battles())).sorted(Comparator.comparingDouble(Row::rating).reversed()).toList();
        List<Style> style = new ArrayList<>();
        for (int c = 0; c < set.styleNames.size(); c++) {
            style.add(new Style(set.styleNames.get(c), fit.styles()[c], intervals ? bootstrap.styleLow()[c] : null,
                    intervals ? bootstrap.styleHigh()[c] : null));
        }
        return new ArenaBoard(ranked, anchor, List.copyOf(style), segment, battles.size(),
                bootstrap == null ? 0 : bootstrap.replicates(), bootstrap == null ? 0 : bootstrap.skipped(), options.seed(),
                List.copyOf(warnings));
    }

    /** A log-odds strength on the Elo-like scale. */
    static double points(double strength) {
        return 1000 + BradleyTerry.POINTS * strength;
    }

    private static int rank(Row row, List<Row> rows) {
        if (row.low() == null) {
            return 1 + (int) rows.stream().filter(other -> other.rating() > row.rating()).count();
        }
        return 1 + (int) rows.stream().filter(other -> other.low() > row.high()).count();
    }

    private static String names(List<String> models) {
        return models.size() <= 10 ? String.join(", ", models) : String.join(", ", models.subList(0, 10)) + ", ...";
    }
}

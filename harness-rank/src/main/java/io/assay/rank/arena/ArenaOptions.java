package io.assay.rank.arena;

/**
 * How to rate a set of battles.
 *
 * @param anchor the model rated 1000, or {@code null} for the first model by name
 * @param bootstrap bootstrap replicates for the 95% intervals; 0 for none
 * @param seed the bootstrap's seed
 * @param styleControl whether to add style covariates (length, markdown, latency)
 * @param minBattles below this many battles a board carries a warning
 */
public record ArenaOptions(String anchor, int bootstrap, long seed, boolean styleControl, int minBattles) {

    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final int DEFAULT_MIN_BATTLES = 100;

    /** No anchor given, 1,000 replicates, seed 0, no style control. */
    public static ArenaOptions defaults() {
        return new ArenaOptions(null, DEFAULT_BOOTSTRAP, 0, false, DEFAULT_MIN_BATTLES);
    }
}

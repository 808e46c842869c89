package io.assay.rank.arena;

import java.util.Map;

/**
 * One pairwise battle: two models answered the same prompt and a rater picked the better answer.
 *
 * <pre>{@code
 * new Battle("b1", "gpt-x", "claude-y", Battle.Winner.A, Map.of("language", "fr"), Map.of("tokens_a", 120.0, "tokens_b", 80.0));
 * }</pre>
 *
 * @param rater the rater's attributes as strings ({@code language}, {@code country}, ...), possibly empty
 * @param features the answers' style features ({@code tokens_a}, {@code tokens_b}, ...), possibly empty
 */
public record Battle(String id, String modelA, String modelB, Winner winner, Map<String, String> rater,
                     Map<String, Double> features) {

    public Battle {
        rater = Map.copyOf(rater);
        features = Map.copyOf(features);
    }

    /** Who won; a tie and "both bad" count as half a win for each side. */
    public enum Winner {
        A(1.0), B(0.0), TIE(0.5), BOTH_BAD(0.5);

        private final double scoreA;

        Winner(double scoreA) {
            this.scoreA = scoreA;
        }

        /** Model A's share of the win: 1, 0 or 0.5. */
        public double scoreA() {
            return scoreA;
        }
    }
}

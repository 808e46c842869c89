package io.assay.rank.arena;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Macro benchmark, run on demand: fits 1,000,000 simulated battles among 100 models, bootstrap off,
 * five times after one warm-up, and prints each wall time; then once with 20 bootstrap replicates.
 * {@code ./mvnw -o -q -pl harness-rank -am verify -Dtest=ArenaFitMacroBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dassay.arenaBenchmark=true}
 */
class ArenaFitMacroBenchmark {

    @Test
    void fitOneMillionBattlesAmongOneHundredModels() {
        Assumptions.assumeTrue(Boolean.getBoolean("assay.arenaBenchmark"), "run with -Dassay.arenaBenchmark=true");
        SplittableRandom random = new SplittableRandom(1);
        double[] strength = random.doubles(100, -2, 2).toArray();
        List<Battle> battles = new ArrayList<>(1_000_000);
        for (int k = 0; k < 1_000_000; k++) {
            int a = random.nextInt(100);
            int b = random.nextInt(99);
            b = b >= a ? b + 1 : b;
            double p = 1 / (1 + Math.exp(-(strength[a] - strength[b])));
            double u = random.nextDouble();
            Battle.Winner winner = u < 0.1 ? Battle.Winner.TIE : random.nextDouble() < p ? Battle.Winner.A : Battle.Winner.B;
            battles.add(new Battle("b" + k, "model-" + a, "model-" + b, winner, Map.of(), Map.of()));
        }
        ArenaOptions options = new ArenaOptions(null, 0, 0, false, 0);
        for (int run = 0; run < 6; run++) {
            long start = System.nanoTime();
            ArenaBoard board = ArenaBoard.rate(battles, options, ArenaBoard.Segment.ALL);
            System.out.printf("arena fit %s: %d battles, %d models, %.3f s%n", run == 0 ? "warm-up" : "run " + run,
                    board.battles(), board.models().size(), (System.nanoTime() - start) / 1e9);
        }
        long start = System.nanoTime();
        ArenaBoard.rate(battles, new ArenaOptions(null, 20, 0, false, 0), ArenaBoard.Segment.ALL);
        System.out.printf("arena fit with 20 bootstrap replicates: %.3f s%n", (System.nanoTime() - start) / 1e9);
    }
}

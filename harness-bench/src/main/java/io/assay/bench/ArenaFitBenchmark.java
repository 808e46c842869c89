package io.assay.bench;

import io.assay.rank.arena.ArenaBoard;
import io.assay.rank.arena.ArenaOptions;
import io.assay.rank.arena.Battle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code assay arena}'s Bradley-Terry fit (issue 15: under 10 s): 1,000,000 battles among 100
 * models, drawn from known strengths with 10% ties, bootstrap off. Each invocation is one whole
 * rating: indexing, aggregation into pairs, the connectivity check, the Newton fit and the board.
 * Reading the battles file is not included; docs/performance.md times the whole command too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ArenaFitBenchmark {
    private static final int BATTLES = 1_000_000;
    private static final int MODELS = 100;

    private List<Battle> battles;

    @Setup(Level.Trial)
    public void simulateBattles() {
        SplittableRandom random = new SplittableRandom(1);
        double[] strength = random.doubles(MODELS, -2, 2).toArray();
        battles = new ArrayList<>(BATTLES);
        for (int k = 0; k < BATTLES; k++) {
            int a = random.nextInt(MODELS);
            int b = random.nextInt(MODELS - 1);
            b = b >= a ? b + 1 : b;
            double p = 1 / (1 + Math.exp(-(strength[a] - strength[b])));
            Battle.Winner winner = random.nextDouble() < 0.1 ? Battle.Winner.TIE
                    : random.nextDouble() < p ? Battle.Winner.A : Battle.Winner.B;
            battles.add(new Battle("b" + k, "model-" + a, "model-" + b, winner, Map.of(), Map.of()));
        }
    }

    @Benchmark
    public ArenaBoard rateWithoutBootstrap() {
        return ArenaBoard.rate(battles, new ArenaOptions(null, 0, 0, false, 0), ArenaBoard.Segment.ALL);
    }
}

package io.assay.trust.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.ProgressListener;
import io.assay.rank.RunTasks;
import io.assay.spi.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replications through the facade, of claims made by real runs of a copy of the arithmetic example:
 * the oracle's claim, and a scripted agent's claim replaying an all-correct predictions file.
 */
class TestReplication {
    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static Assay assay;
    private static Path suite;
    private static List<String> ids;
    private static Path oracleClaim;

    @BeforeAll
    static void claim() throws Exception {
        assay = Assay.open(List.of());
        suite = ArithmeticClaims.suite(shared.resolve("suite"));
        ids = ArithmeticClaims.taskIds(suite);
        oracleClaim = ArithmeticClaims.run(suite, "oracle", Options.empty(), 1, shared.resolve("oracle-claim"));
    }

    private static Replication.Request request(int sample, long seed, Path out, String agent, Map<String, Object> options) {
        return new Replication.Request(sample, seed, null, out, null, agent, options, List.of(), 0.05);
    }

    private static ReplicationVerdict replicate(Claim claim, Replication.Request request) throws Exception {
        Replication plan = Replication.plan(assay, claim, request);
        return ReplicationVerdict.of(plan, assay.start(plan.settings()).execute(ProgressListener.NONE).directory());
    }

    @Test
    void theOraclesClaimReplicatedByTheOracleIsConsistentWithPOne() throws Exception {
        ReplicationVerdict verdict = replicate(Claim.open(oracleClaim), request(6, 0, work.resolve("r"), null, Map.of()));

        assertThat(verdict.outcome()).isEqualTo(ReplicationVerdict.Outcome.CONSISTENT);
        assertThat(verdict.test()).isEqualTo(ReplicationVerdict.Test.MCNEMAR);
        assertThat(verdict.pValue()).isEqualTo(1.0);
        assertThat(verdict.tasks()).hasSize(6).allSatisfy(task -> {
            assertThat(task.agree()).isTrue();
            assertThat(task.claimed()).isEqualTo(1.0);
            assertThat(task.replicated()).isEqualTo(1.0);
        });
        assertThat(verdict.claimed().mean()).isEqualTo(1.0);
        assertThat(verdict.replicated().mean()).isEqualTo(1.0);
        assertThat(verdict.replication().settings().agent()).as("the claim's recorded agent").isEqualTo("oracle");
        assertThat(verdict.identity()).as("no model calls, nothing to compare").isEmpty();
        assertThat(verdict.minimumDetectable()).as("no difference varies").isNull();
    }

    @Test
    void anAllCorrectClaimReplicatedByAMostlyWrongAgentIsInconsistentAndNamesTheTasksThatDisagree() throws Exception {
        Path claimRun = ArithmeticClaims.run(suite, "scripted",
                ArithmeticClaims.predictions(suite, work.resolve("right.jsonl"), id -> true), 1, work.resolve("claim"));
        Set<String> stillRight = Set.of(ids.get(0), ids.get(1), ids.get(2));
        Options mostlyWrong = ArithmeticClaims.predictions(suite, work.resolve("wrong.jsonl"), stillRight::contains);

        ReplicationVerdict verdict = replicate(Claim.open(claimRun),
                request(10, 3, work.resolve("r"), null, Map.of("file", mostlyWrong.values().get("file"))));

        List<String> sample = verdict.replication().sample().tasks();
        List<String> wrong = sample.stream().filter(id -> !stillRight.contains(id)).toList();
        assertThat(wrong).as("the sample holds tasks the replication gets wrong").isNotEmpty();
        assertThat(verdict.disagreeing()).containsExactlyInAnyOrderElementsOf(wrong);
        // McNemar's exact test with every discordant task going one way: 2 * 0.5^k, two-sided.
        assertThat(verdict.pValue()).isCloseTo(Math.min(1.0, 2 * Math.pow(0.5, wrong.size())), within(1e-12));
        assertThat(verdict.outcome()).isEqualTo(verdict.pValue() >= 0.05 ? ReplicationVerdict.Outcome.CONSISTENT
                : ReplicationVerdict.Outcome.INCONSISTENT);
        assertThat(verdict.claimed().mean()).isEqualTo(1.0);
        assertThat(verdict.replicated().mean()).isCloseTo((double) (sample.size() - wrong.size()) / sample.size(), within(1e-12));
        assertThat(verdict.replicated().ci95()).hasSize(2);
        assertThat(verdict.minimumDetectable()).isPositive();
    }

    @Test
    void theSampleIsSeededReproducibleOfSizeNFromTheClaimedTasksAndIsWhatTheReplicationRuns() throws Exception {
        Claim claim = Claim.open(oracleClaim);
        Set<String> claimed = claim.run().tasks().keySet();
        TaskSample first = TaskSample.draw(assay.loadSuite(suite, null), claimed, 5, 42);
        TaskSample again = TaskSample.draw(assay.loadSuite(suite, null), claimed, 5, 42);
        TaskSample otherSeed = TaskSample.draw(assay.loadSuite(suite, null), claimed, 5, 43);

        assertThat(first.tasks()).hasSize(5).doesNotHaveDuplicates().isSubsetOf(claimed).isEqualTo(again.tasks());
        assertThat(otherSeed.tasks()).isNotEqualTo(first.tasks());
        assertThat(first.tasks()).as("suite order").isSortedAccordingTo(Comparator.comparing(ids::indexOf));

        ReplicationVerdict verdict = replicate(claim, request(5, 42, work.resolve("r"), null, Map.of()));
        assertThat(verdict.replication().sample()).isEqualTo(first);
        assertThat(RunTasks.read(verdict.directory()).tasks().keySet()).containsExactlyInAnyOrderElementsOf(first.tasks());
    }

    @Test
    void aBundlesRunIsReplicatedAsItsDirectoryWouldBeAndItsUnpackedCopyIsRemoved() throws Exception {
        Path bundle = ArithmeticClaims.bundle(oracleClaim, work.resolve("claim.zip"));
        Path unpacked;
        try (Claim claim = Claim.open(bundle)) {
            unpacked = claim.unpacked();
            assertThat(claim.runId()).isEqualTo("oracle-claim");
            assertThat(claim.run().tasks().keySet()).isEqualTo(RunTasks.read(oracleClaim).tasks().keySet());

            ReplicationVerdict verdict = replicate(claim, request(6, 0, work.resolve("r"), null, Map.of()));

            assertThat(verdict.outcome()).isEqualTo(ReplicationVerdict.Outcome.CONSISTENT);
            assertThat(verdict.replication().suite()).as("the manifest's suite path").isEqualTo(suite);
        }
        assertThat(unpacked).doesNotExist();
    }

    @Test
    void aSuiteChangedSinceTheClaimIsRefusedNamingBothContentHashes() throws Exception {
        Path changed = ArithmeticClaims.suite(work.resolve("suite"));
        Path claimRun = ArithmeticClaims.run(changed, "oracle", Options.empty(), 1, work.resolve("claim"));
        Files.writeString(changed.resolve("tasks.jsonl"), Files.readString(changed.resolve("tasks.jsonl")).replace("$10 bill", "$20 bill"));
        Claim claim = Claim.open(claimRun);

        assertThatThrownBy(() -> Replication.plan(assay, claim, request(3, 0, work.resolve("r"), null, Map.of())))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not the one the claimed run graded")
                .hasMessageContaining(claim.run().manifest().suite().contentHash())
                .hasMessageContaining("replicating against another suite tests nothing");
        assertThat(work.resolve("r")).as("nothing ran").doesNotExist();
    }

    @Test
    void aMissingSuiteIsRefusedAndSuiteGivesAnother() throws Exception {
        Path moved = ArithmeticClaims.suite(work.resolve("suite"));
        Path claimRun = ArithmeticClaims.run(moved, "oracle", Options.empty(), 1, work.resolve("claim"));
        Path elsewhere = Files.move(moved, work.resolve("elsewhere"));
        Claim claim = Claim.open(claimRun);

        assertThatThrownBy(() -> Replication.plan(assay, claim, request(3, 0, work.resolve("r"), null, Map.of())))
                .isInstanceOf(InputException.class).hasMessageContaining(moved + ", which is not a directory here");
        Replication plan = Replication.plan(assay, claim,
                new Replication.Request(3, 0, elsewhere, work.resolve("r"), null, null, Map.of(), List.of(), 0.05));
        assertThat(plan.suite()).isEqualTo(elsewhere);
    }

    @Test
    void aSampleOfNoTasksOrOfMoreThanTheClaimEvaluatedIsRefused() {
        Claim claim = Claim.open(oracleClaim);
        for (int size : new int[] {0, -1, ids.size() + 1}) {
            assertThatThrownBy(() -> Replication.plan(assay, claim, request(size, 0, work.resolve("r"), null, Map.of())))
                    .isInstanceOf(InputException.class)
                    .hasMessage("--sample " + size + ": the claimed run evaluated " + ids.size() + " tasks");
        }
        assertThat(Replication.plan(assay, claim, request(ids.size(), 0, work.resolve("r"), null, Map.of())).sample().tasks())
                .as("all of them is a sample too").containsExactlyElementsOf(ids);
    }

    @Test
    void theAgentGivenReplacesTheRecordedOneAndItsOptions() throws Exception {
        Claim claim = Claim.open(ArithmeticClaims.run(suite, "scripted",
                ArithmeticClaims.predictions(suite, work.resolve("right.jsonl"), id -> true), 1, work.resolve("claim")));

        Replication recorded = Replication.plan(assay, claim, request(2, 0, work.resolve("r1"), null, Map.of()));
        Replication given = Replication.plan(assay, claim, request(2, 0, work.resolve("r2"), "oracle", Map.of()));
        Replication replaced = Replication.plan(assay, claim,
                request(2, 0, work.resolve("r3"), null, Map.of("file", "other.jsonl", "note", "x")));

        assertThat(recorded.settings().agent()).isEqualTo("scripted");
        assertThat(recorded.settings().agentOptions().values()).containsEntry("file", work.resolve("right.jsonl").toString());
        assertThat(given.settings().agent()).isEqualTo("oracle");
        assertThat(given.settings().agentOptions().values()).isEmpty();
        assertThat(given.settings().selection().tasks()).isEqualTo(given.sample().tasks());
        assertThat(replaced.settings().agent()).isEqualTo("scripted");
        assertThat(replaced.settings().agentOptions().values()).as("the recorded options, replaced key by key")
                .isEqualTo(Map.of("file", "other.jsonl", "note", "x"));
    }

    @Test
    void tasksWhoseClaimedEpochsDisagreeAreNotedAndTestedOnTheirMeansWithThePairedTTest() throws Exception {
        Set<String> coinFlips = Set.of(ids.get(1), ids.get(4));
        Claim claim = Claim.open(ArithmeticClaims.run(suite, "scripted", ArithmeticClaims.predictions(suite,
                work.resolve("flips.jsonl"), (id, epoch) -> !coinFlips.contains(id) || epoch == 0, 2), 2, work.resolve("claim")));
        Options allRight = ArithmeticClaims.predictions(suite, work.resolve("right.jsonl"), id -> true);

        ReplicationVerdict same = replicate(claim, request(ids.size(), 0, work.resolve("same"), null, Map.of()));
        ReplicationVerdict better = replicate(claim,
                request(ids.size(), 0, work.resolve("better"), null, Map.of("file", allRight.values().get("file"))));

        assertThat(same.varyingEpochs()).containsExactly(ids.get(1), ids.get(4));
        assertThat(same.tasks()).filteredOn(task -> coinFlips.contains(task.task()))
                .allSatisfy(task -> assertThat(task.claimed()).isEqualTo(0.5));
        assertThat(same.test()).as("every difference is 0: no t-test, the sign test has nothing to count")
                .isEqualTo(ReplicationVerdict.Test.SIGN);
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(better.test()).isEqualTo(ReplicationVerdict.Test.PAIRED_T);
        double[] claimed = better.tasks().stream().mapToDouble(ReplicationVerdict.TaskAgreement::claimed).toArray();
        double[] replicated = better.tasks().stream().mapToDouble(ReplicationVerdict.TaskAgreement::replicated).toArray();
        assertThat(better.pValue()).isEqualTo(TTest.withDefaults().pairedTest(replicated, claimed).getPValue());
        assertThat(better.outcome()).as("two half-point differences in twenty tasks").isEqualTo(ReplicationVerdict.Outcome.CONSISTENT);
        assertThat(better.mostExtremePValue()).as("the t-test's p-value has no floor").isZero();
        assertThat(better.decisiveSample()).isEqualTo(2);
        assertThat(same.outcome()).as("twenty tasks could have reached the sign test's 5%").isEqualTo(ReplicationVerdict.Outcome.CONSISTENT);
        assertThat(better.replication().settings().epochs()).as("the claim's epochs").isEqualTo(2);
    }

    @Test
    void fivePassFailTasksAllFlippedCannotReachFivePercentSoTheVerdictIsInconclusiveAndSixAreInconsistent() throws Exception {
        Path claimRun = ArithmeticClaims.run(suite, "scripted",
                ArithmeticClaims.predictions(suite, work.resolve("right.jsonl"), id -> true), 1, work.resolve("claim"));
        Object allWrong = ArithmeticClaims.predictions(suite, work.resolve("wrong.jsonl"), id -> false).values().get("file");
        Claim claim = Claim.open(claimRun);

        ReplicationVerdict five = replicate(claim, request(5, 0, work.resolve("five"), null, Map.of("file", allWrong)));
        ReplicationVerdict one = replicate(claim, request(1, 0, work.resolve("one"), null, Map.of("file", allWrong)));
        ReplicationVerdict six = replicate(claim, request(6, 0, work.resolve("six"), null, Map.of("file", allWrong)));

        assertThat(five.disagreeing()).hasSize(5);
        assertThat(five.pValue()).as("2 x 0.5^5, the most extreme outcome of five tasks").isEqualTo(0.0625);
        assertThat(five.mostExtremePValue()).isEqualTo(0.0625);
        assertThat(five.outcome()).isEqualTo(ReplicationVerdict.Outcome.INCONCLUSIVE);
        assertThat(five.decisiveSample()).isEqualTo(6);
        assertThat(one.pValue()).isEqualTo(1.0);
        assertThat(one.outcome()).isEqualTo(ReplicationVerdict.Outcome.INCONCLUSIVE);
        assertThat(six.pValue()).isEqualTo(0.03125);
        assertThat(six.outcome()).isEqualTo(ReplicationVerdict.Outcome.INCONSISTENT);
    }

    @Test
    void theSmallestDecisivePassFailSampleIsTheFirstWhoseMostExtremeOutcomeIsBelowAlpha() {
        assertThat(ReplicationVerdict.smallestDecisiveSample(0.05)).isEqualTo(6);
        assertThat(ReplicationVerdict.smallestDecisiveSample(0.01)).as("2 x 0.5^7 = 0.0156, 2 x 0.5^8 = 0.0078").isEqualTo(8);
        assertThat(ReplicationVerdict.smallestDecisiveSample(0.5)).as("2 x 0.5^2 = 0.5 is not below").isEqualTo(3);
    }

    @Test
    void aSampleTooSmallToDecideIsWarnedAboutBeforeItRunsAndALargeEnoughOneIsNot() {
        Claim claim = Claim.open(oracleClaim);

        assertThat(Replication.plan(assay, claim, request(5, 0, work.resolve("r"), null, Map.of())).sampleTooSmall())
                .hasValue("--sample 5: on pass/fail tasks no outcome of 5 tasks can reach p < 0.05 (every task disagreeing"
                        + " one way gives p = 0.0625), so the verdict would be inconclusive; a sample of 6 or more could find"
                        + " the claim inconsistent");
        assertThat(Replication.plan(assay, claim, request(6, 0, work.resolve("r"), null, Map.of())).sampleTooSmall()).isEmpty();
        assertThat(work.resolve("r")).as("planning runs nothing").doesNotExist();
    }
}

package io.assay.trust.holdout;

import static io.assay.trust.holdout.SplitFixtures.ASSAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.launcher.InputException;
import io.assay.launcher.RunReport;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay holdout split} on a declarative suite of twenty numbered sums. */
class TestHoldoutSplit {

    @TempDir
    Path work;

    private Path suite() throws Exception {
        return SplitFixtures.sums(work.resolve("suite"), 20);
    }

    private static List<String> ids(Path part) {
        return ASSAY.loadSuite(part, null).tasks().stream().map(Task::id).toList();
    }

    @Test
    void theSameSeedGivesTheSameSplitAndThePartsPartitionTheTasksLineForLine() throws Exception {
        Path suite = suite();
        HoldoutSplit first = HoldoutSplit.write(ASSAY, suite, 0.3, 7, work.resolve("a"));
        HoldoutSplit.write(ASSAY, suite, 0.3, 7, work.resolve("b"));
        HoldoutSplit.write(ASSAY, suite, 0.3, 8, work.resolve("c"));

        assertThat(first.privateTasks()).isEqualTo(6);
        assertThat(first.publicTasks()).isEqualTo(14);
        for (String part : List.of("public", "private")) {
            assertThat(work.resolve("b").resolve(part).resolve("tasks.jsonl"))
                    .hasSameBinaryContentAs(work.resolve("a").resolve(part).resolve("tasks.jsonl"));
        }
        assertThat(ids(work.resolve("c/private"))).isNotEqualTo(ids(work.resolve("a/private")));
        List<String> shown = ids(work.resolve("a/public"));
        List<String> held = ids(work.resolve("a/private"));
        assertThat(shown).doesNotContainAnyElementsOf(held);
        Set<String> all = new HashSet<>(shown);
        all.addAll(held);
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids(suite));
        List<String> original = Files.readAllLines(suite.resolve("tasks.jsonl"));
        List<String> parts = new ArrayList<>(Files.readAllLines(work.resolve("a/public/tasks.jsonl")));
        parts.addAll(Files.readAllLines(work.resolve("a/private/tasks.jsonl")));
        assertThat(parts).containsExactlyInAnyOrderElementsOf(original);
        assertThat(work.resolve("a/public/suite.yaml")).hasSameBinaryContentAs(suite.resolve("suite.yaml"));
    }

    @Test
    void bothPartsRunAsSuitesAndTheirContentHashesAreTheRunsAndTheCommitments() throws Exception {
        HoldoutSplit split = HoldoutSplit.write(ASSAY, suite(), 0.3, 7, work.resolve("split"));

        Path publicRun = SplitFixtures.run(work.resolve("split/public"), "oracle", Options.empty(), work.resolve("pub"));
        Path privateRun = SplitFixtures.run(work.resolve("split/private"), "oracle", Options.empty(), work.resolve("priv"));

        RunReport shown = RunReport.of(publicRun);
        RunReport held = RunReport.of(privateRun);
        assertThat(shown.summary().score().mean()).isEqualTo(1.0);
        assertThat(held.summary().score().mean()).isEqualTo(1.0);
        assertThat(shown.manifest().suite().tasks()).isEqualTo(14);
        assertThat(held.manifest().suite().tasks()).isEqualTo(6);
        Commitment commitment = Commitment.read(work.resolve("split/commitment.json"));
        assertThat(shown.manifest().suite().contentHash()).isEqualTo(commitment.publicContentHash())
                .isEqualTo(split.publicContentHash());
        assertThat(held.manifest().suite().contentHash()).isEqualTo(split.privateContentHash());
    }

    @Test
    void commitmentJsonNamesNoPrivateTaskAndItsCommitmentsAreSaltedAfresh() throws Exception {
        Path suite = suite();
        HoldoutSplit.write(ASSAY, suite, 0.3, 7, work.resolve("a"));
        HoldoutSplit.write(ASSAY, suite, 0.3, 7, work.resolve("b"));

        String published = Files.readString(work.resolve("a/commitment.json"));
        Suite held = ASSAY.loadSuite(work.resolve("a/private"), null);
        for (Task task : held.tasks()) {
            assertThat(published).doesNotContain("\"" + task.id() + "\"", task.prompt(), String.valueOf(task.answer()));
        }
        Commitment a = Commitment.read(work.resolve("a/commitment.json"));
        Commitment b = Commitment.read(work.resolve("b/commitment.json"));
        assertThat(a.commitments()).hasSize(6).isSorted().doesNotHaveDuplicates();
        assertThat(a.suiteId()).isEqualTo("sums");
        assertThat(a.seed()).isEqualTo(7);
        assertThat(a.fraction()).isEqualTo(0.3);
        assertThat(a.tasks()).isEqualTo(20);
        assertThat(a.publicContentHash()).isEqualTo(b.publicContentHash());
        assertThat(b.commitments()).doesNotContainAnyElementsOf(a.commitments());
    }

    @Test
    void aFileBesideTheTasksThatSuiteYamlDoesNotNameStaysBehind() throws Exception {
        Path suite = suite();
        Files.writeString(suite.resolve("predictions.jsonl"), "{\"task_id\": \"t01\", \"output\": \"1001\"}\n");

        HoldoutSplit.write(ASSAY, suite, 0.5, 1, work.resolve("split"));

        assertThat(work.resolve("split/public/predictions.jsonl")).doesNotExist();
        assertThat(work.resolve("split/private/predictions.jsonl")).doesNotExist();
    }

    @Test
    void aFractionLeavingAPartEmptyIsRefused() throws Exception {
        Path suite = suite();

        assertThatThrownBy(() -> HoldoutSplit.write(ASSAY, suite, 0.01, 1, work.resolve("a")))
                .isInstanceOf(InputException.class).hasMessageContaining("holds out 0 of 20 tasks");
        assertThatThrownBy(() -> HoldoutSplit.write(ASSAY, suite, 0.99, 1, work.resolve("b")))
                .isInstanceOf(InputException.class).hasMessageContaining("holds out 20 of 20 tasks");
        assertThatThrownBy(() -> HoldoutSplit.write(ASSAY, suite, 1.0, 1, work.resolve("c")))
                .isInstanceOf(InputException.class).hasMessageContaining("--fraction 1.0");
        assertThat(work.resolve("a")).doesNotExist();
    }

    @Test
    void aDatasetSuiteOrADirectoryOfNoSupportedFormatIsRefusedNamingWhatIsSupported() throws Exception {
        Path dataset = Files.createDirectories(work.resolve("dataset"));
        Files.writeString(dataset.resolve("data.jsonl"), "{\"q\": \"1+1\", \"a\": \"2\"}\n{\"q\": \"2+2\", \"a\": \"4\"}\n");
        Files.writeString(dataset.resolve("suite.yaml"), """
                id: data
                dataset: {path: data.jsonl, fields: {prompt: q, answer: a}}
                reward: {type: exact}
                """);
        Path other = Files.createDirectories(work.resolve("other"));
        Files.writeString(other.resolve("tasks.json"), "[]");

        assertThatThrownBy(() -> HoldoutSplit.write(ASSAY, dataset, 0.5, 1, work.resolve("a")))
                .isInstanceOf(InputException.class).hasMessageContaining("dataset")
                .extracting(e -> ((InputException) e).hint()).isEqualTo(SuiteTasks.SUPPORTED);
        assertThatThrownBy(() -> HoldoutSplit.write(ASSAY, other, 0.5, 1, work.resolve("b")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a suite format")
                .extracting(e -> ((InputException) e).hint()).isEqualTo(SuiteTasks.SUPPORTED);
    }

    @Test
    void aDirectoryThatIsNotEmptyIsNeverWrittenInto() throws Exception {
        Path suite = suite();
        Files.writeString(Files.createDirectories(work.resolve("used")).resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> HoldoutSplit.write(ASSAY, suite, 0.5, 1, work.resolve("used")))
                .isInstanceOf(InputException.class).hasMessageContaining("not an empty directory");
        assertThat(work.resolve("used/public")).doesNotExist();
    }
}

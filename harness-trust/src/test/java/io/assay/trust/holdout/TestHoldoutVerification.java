package io.assay.trust.holdout;

import static io.assay.trust.holdout.SplitFixtures.ASSAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.launcher.InputException;
import io.assay.trust.holdout.HoldoutVerification.Failure;
import io.assay.trust.holdout.HoldoutVerification.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay holdout verify}: the private part against the commitments, after each kind of edit. */
class TestHoldoutVerification {

    @TempDir
    Path work;

    private Path split;
    private Path privateTasks;
    private String splitHash;

    @BeforeEach
    void split() throws Exception {
        split = work.resolve("split");
        splitHash = HoldoutSplit.write(ASSAY, SplitFixtures.sums(work.resolve("suite"), 20), 0.3, 7, split)
                .privateContentHash();
        privateTasks = split.resolve("private/tasks.jsonl");
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(privateTasks));
    }

    private static String idOf(String line) {
        return line.substring(line.indexOf("\"id\": \"") + 7, line.indexOf("\", \"prompt\""));
    }

    private static HoldoutVerification verify(Path split) throws Exception {
        return HoldoutVerification.of(ASSAY, split);
    }

    /** What an owner covering an edit would do: record the edited part's content hash in the unsigned salts file. */
    private void recordContentHash(String hash) throws Exception {
        Path salts = split.resolve("private/holdout-salts.json");
        Files.writeString(salts, Files.readString(salts).replaceFirst("\"content_hash\" : \"sha256:[0-9a-f]{64}\"",
                "\"content_hash\" : \"" + hash + "\""));
    }

    private String loadedHash() {
        return ASSAY.loadSuite(split.resolve("private"), null).contentHash();
    }

    /** The failures that follow any edit of the task file: its own commitment, and the content hash runs record. */
    private Failure[] taskFileEdited() {
        return new Failure[] {
            new Failure(Kind.CHANGED, null, "tasks.jsonl", "its bytes no longer match its commitment"),
            new Failure(Kind.CHANGED, null, null, "the private part loads with content hash " + loadedHash()
                    + " but holdout-salts.json records " + splitHash + ", which --holdout recognises runs on the private"
                    + " part by")};
    }

    @Test
    void anUntouchedPrivatePartMatchesEveryCommitment() throws Exception {
        HoldoutVerification check = verify(split);

        assertThat(check.failures()).isEmpty();
        assertThat(check.matched()).isEqualTo(6);
        assertThat(check.committed()).isEqualTo(6);
        assertThat(check.files()).containsExactly("suite.yaml", "tasks.jsonl");
        assertThat(check.contentHash()).isEqualTo(splitHash);
    }

    @Test
    void aTaskWhoseLineChangedByOneCharacterIsNamed() throws Exception {
        List<String> lines = lines();
        String changed = idOf(lines.get(2));
        lines.set(2, lines.get(2).replace("what is", "what's"));
        Files.write(privateTasks, lines);

        HoldoutVerification check = verify(split);

        assertThat(check.failures().getFirst())
                .isEqualTo(new Failure(Kind.CHANGED, changed, null, "its bytes no longer match its commitment"));
        assertThat(check.failures().subList(1, check.failures().size())).containsExactly(taskFileEdited());
        assertThat(check.matched()).isEqualTo(5);
    }

    @Test
    void anAddedAndAMissingTaskAreEachNamed() throws Exception {
        List<String> lines = lines();
        String missing = idOf(lines.removeFirst());
        lines.add("{\"id\": \"t99\", \"prompt\": \"Secret question 99: what is 99 + 1000?\", \"answer\": \"1099\"}");
        Files.write(privateTasks, lines);

        HoldoutVerification check = verify(split);

        assertThat(check.failures()).extracting(Failure::kind, Failure::id, Failure::file)
                .containsExactly(tuple(Kind.MISSING, missing, null),
                        tuple(Kind.ADDED, "t99", null),
                        tuple(Kind.CHANGED, null, "tasks.jsonl"),
                        tuple(Kind.CHANGED, null, null));
        assertThat(check.matched()).isEqualTo(5);
    }

    @Test
    void aPublicTaskMovedIntoThePrivatePartIsAnAddedTask() throws Exception {
        String moved = Files.readAllLines(split.resolve("public/tasks.jsonl")).getFirst();
        List<String> lines = lines();
        lines.add(moved);
        Files.write(privateTasks, lines);

        assertThat(verify(split).failures()).extracting(Failure::kind, Failure::id, Failure::file)
                .containsExactly(tuple(Kind.ADDED, idOf(moved), null), tuple(Kind.CHANGED, null, "tasks.jsonl"),
                        tuple(Kind.CHANGED, null, null));
    }

    @Test
    void aChangedSuiteFileIsNamedEvenWithTheSaltsFileUpdatedToMatch() throws Exception {
        // Private grading loosened, and the salts file's unsigned content hash updated so that
        // --holdout would take runs on the edited part for runs on the committed one.
        Path suiteFile = split.resolve("private/suite.yaml");
        Files.writeString(suiteFile, Files.readString(suiteFile).replace("measures: Adding.", "measures: Adding, roughly."));
        recordContentHash(loadedHash());

        HoldoutVerification check = verify(split);

        assertThat(loadedHash()).isNotEqualTo(splitHash);
        assertThat(check.failures()).containsExactly(
                new Failure(Kind.CHANGED, null, "suite.yaml", "its bytes no longer match its commitment"));
        assertThat(check.failures().getFirst()).hasToString("changed: file 'suite.yaml': its bytes no longer match its"
                + " commitment");
        assertThat(check.matched()).isEqualTo(6);
    }

    @Test
    void aReorderedTaskFileIsNamedThoughEveryTaskStillMatches() throws Exception {
        List<String> lines = lines();
        Files.write(privateTasks, lines.reversed());

        HoldoutVerification check = verify(split);

        assertThat(check.matched()).isEqualTo(6);
        assertThat(check.failures()).containsExactly(taskFileEdited());
    }

    @Test
    void anAddedFileIsNamed() throws Exception {
        Files.createDirectories(split.resolve("private/notes"));
        Files.writeString(split.resolve("private/notes/grading.txt"), "accept anything\n");

        assertThat(verify(split).failures()).containsExactly(
                new Failure(Kind.ADDED, null, "notes/grading.txt", "in the private part but not committed to"));
    }

    @Test
    void aSaltsFileRecordingAnotherContentHashFails() throws Exception {
        String other = "sha256:" + "0".repeat(64);
        recordContentHash(other);

        assertThat(verify(split).failures()).containsExactly(new Failure(Kind.CHANGED, null, null,
                "the private part loads with content hash " + splitHash + " but holdout-salts.json records " + other
                        + ", which --holdout recognises runs on the private part by"));
    }

    @Test
    void aMissingOrMalformedCommitmentFileIsBadInputNamingFileAndField() throws Exception {
        Path commitment = split.resolve("commitment.json");
        String published = Files.readString(commitment);

        Files.writeString(commitment, published.replace("\"sha256:", "\"md5:"));
        assertThatThrownBy(() -> verify(split)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(commitment + ": private.commitments[0]: expected sha256: and 64 hex digits");

        Files.writeString(commitment, published.replace("\"tasks\" : 6", "\"tasks\" : 7"));
        assertThatThrownBy(() -> verify(split)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(commitment + ": private.tasks: expected the number of private.commitments, 6");

        Files.writeString(commitment, published.substring(0, published.length() / 2));
        assertThatThrownBy(() -> verify(split)).isInstanceOf(InputException.class)
                .hasMessageContaining(commitment + ":").hasMessageContaining("invalid JSON");

        Files.delete(commitment);
        assertThatThrownBy(() -> verify(split)).isInstanceOf(InputException.class)
                .hasMessage(commitment + ": file not found");
    }

    @Test
    void aLostSaltsFileIsBadInput() throws Exception {
        Files.delete(split.resolve("private/holdout-salts.json"));

        assertThatThrownBy(() -> verify(split)).isInstanceOf(InputException.class)
                .hasMessage(split.resolve("private/holdout-salts.json") + ": file not found");
    }
}

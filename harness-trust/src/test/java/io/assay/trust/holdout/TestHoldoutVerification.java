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

    @BeforeEach
    void split() throws Exception {
        split = work.resolve("split");
        HoldoutSplit.write(ASSAY, SplitFixtures.sums(work.resolve("suite"), 20), 0.3, 7, split);
        privateTasks = split.resolve("private/tasks.jsonl");
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(privateTasks));
    }

    private static String idOf(String line) {
        return line.substring(line.indexOf("\"id\": \"") + 7, line.indexOf("\", \"prompt\""));
    }

    @Test
    void anUntouchedPrivatePartMatchesEveryCommitment() throws Exception {
        HoldoutVerification check = HoldoutVerification.of(split);

        assertThat(check.failures()).isEmpty();
        assertThat(check.matched()).isEqualTo(6);
        assertThat(check.committed()).isEqualTo(6);
    }

    @Test
    void aTaskWhoseLineChangedByOneCharacterIsNamed() throws Exception {
        List<String> lines = lines();
        String changed = idOf(lines.get(2));
        lines.set(2, lines.get(2).replace("what is", "what's"));
        Files.write(privateTasks, lines);

        HoldoutVerification check = HoldoutVerification.of(split);

        assertThat(check.failures()).containsExactly(
                new Failure(Kind.CHANGED, changed, "its bytes no longer match its commitment"));
        assertThat(check.matched()).isEqualTo(5);
    }

    @Test
    void anAddedAndAMissingTaskAreEachNamed() throws Exception {
        List<String> lines = lines();
        String missing = idOf(lines.removeFirst());
        lines.add("{\"id\": \"t99\", \"prompt\": \"Secret question 99: what is 99 + 1000?\", \"answer\": \"1099\"}");
        Files.write(privateTasks, lines);

        HoldoutVerification check = HoldoutVerification.of(split);

        assertThat(check.failures()).extracting(Failure::kind, Failure::id)
                .containsExactly(tuple(Kind.MISSING, missing),
                        tuple(Kind.ADDED, "t99"));
        assertThat(check.matched()).isEqualTo(5);
    }

    @Test
    void aPublicTaskMovedIntoThePrivatePartIsAnAddedTask() throws Exception {
        String moved = Files.readAllLines(split.resolve("public/tasks.jsonl")).getFirst();
        List<String> lines = lines();
        lines.add(moved);
        Files.write(privateTasks, lines);

        assertThat(HoldoutVerification.of(split).failures()).extracting(Failure::kind, Failure::id)
                .containsExactly(tuple(Kind.ADDED, idOf(moved)));
    }

    @Test
    void aMissingOrMalformedCommitmentFileIsBadInputNamingFileAndField() throws Exception {
        Path commitment = split.resolve("commitment.json");
        String published = Files.readString(commitment);

        Files.writeString(commitment, published.replace("\"sha256:", "\"md5:"));
        assertThatThrownBy(() -> HoldoutVerification.of(split)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(commitment + ": private.commitments[0]: expected sha256: and 64 hex digits");

        Files.writeString(commitment, published.replace("\"tasks\" : 6", "\"tasks\" : 7"));
        assertThatThrownBy(() -> HoldoutVerification.of(split)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(commitment + ": private.tasks: expected the number of private.commitments, 6");

        Files.writeString(commitment, published.substring(0, published.length() / 2));
        assertThatThrownBy(() -> HoldoutVerification.of(split)).isInstanceOf(InputException.class)
                .hasMessageContaining(commitment + ":").hasMessageContaining("invalid JSON");

        Files.delete(commitment);
        assertThatThrownBy(() -> HoldoutVerification.of(split)).isInstanceOf(InputException.class)
                .hasMessage(commitment + ": file not found");
    }

    @Test
    void aLostSaltsFileIsBadInput() throws Exception {
        Files.delete(split.resolve("private/holdout-salts.json"));

        assertThatThrownBy(() -> HoldoutVerification.of(split)).isInstanceOf(InputException.class)
                .hasMessage(split.resolve("private/holdout-salts.json") + ": file not found");
    }
}

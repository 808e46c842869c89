package io.assay.trust.bundle;

import static io.assay.trust.bundle.BundleFixtures.ASSAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run, bundled, verifies; and each way of tampering with the bundle, or of presenting another
 * suite, is caught and named by file, line and field. One oracle run of 4 tasks × 2 epochs serves
 * every test; each tampers with its own copy.
 */
class TestBundleVerifier {
    private static final String TRIALS = "run/trials.jsonl";

    @TempDir
    static Path shared;
    @TempDir
    Path temp;

    private static final KeyPair KEYS = Ed25519.generate();
    private static Path suite;
    private static Path bundle;

    @BeforeAll
    static void bundleARun() throws Exception {
        suite = BundleFixtures.suite(shared.resolve("suite"), "a", "bb", "ccc", "dddd");
        Path run = BundleFixtures.run(suite, 2, shared.resolve("run"));
        bundle = BundleFixtures.bundle(run, KEYS, shared.resolve("claim.zip"));
    }

    private static Verification verify(Path zip) {
        return BundleVerifier.verify(zip, KEYS.getPublic(), null, null);
    }

    private static Verification verifyWithSuite(Path zip, Path suiteDirectory) {
        return BundleVerifier.verify(zip, KEYS.getPublic(), ASSAY, suiteDirectory);
    }

    private static List<String> failures(Verification verification) {
        return verification.failures().stream().map(Failure::toString).toList();
    }

    private Path tampered(String entry, UnaryOperator<String> edit) throws Exception {
        return BundleFixtures.rewrite(bundle, temp.resolve("tampered.zip"), Map.of(entry, edit), Map.of());
    }

    @Test
    void theRoundTripVerifiesEveryCheckWithTheSuiteAndSaysTheSuiteWasNotCheckedWithoutIt() {
        Verification withSuite = verifyWithSuite(bundle, suite);
        Verification alone = verify(bundle);

        assertThat(withSuite.failures()).isEmpty();
        assertThat(withSuite.held()).hasSize(5).anySatisfy(held -> assertThat(held).startsWith("signature: Ed25519"))
                .contains("run files: all 3 files match hashes.json (" + bytesOfRunFiles() + " bytes)",
                        "summary: summary.json recomputes exactly from the 8 trials in trials.jsonl",
                        "trials: each (task, epoch) once: 4 tasks × 2 epochs = 8 trials, the suite's selected task ids");
        assertThat(withSuite.notChecked()).isEmpty();
        assertThat(alone.holds()).isTrue();
        assertThat(alone.held()).hasSize(4).noneMatch(held -> held.startsWith("suite"));
        assertThat(alone.notChecked()).singleElement().asString().startsWith("the suite on disk: no --suite given");
    }

    @Test
    void anEditedTrialIsCaughtByItsHashAndByTheSummaryItNoLongerAgreesWith() throws Exception {
        // The first trial, failed: its outcome's score and its reward's alike.
        Path zip = tampered(TRIALS, text -> {
            int end = text.indexOf('\n');
            return text.substring(0, end).replace("\"score\":1.0,\"passed\":true", "\"score\":0.0,\"passed\":false")
                    + text.substring(end);
        });

        List<String> failures = failures(verify(zip));

        assertThat(failures).anyMatch(line -> line.startsWith("run/trials.jsonl: sha256: ") && line.contains(", as signed (is "))
                .anyMatch(line -> line.startsWith("run/summary.json: score.mean: 0.875 as recomputed from trials.jsonl (records 1.0)"))
                .noneMatch(line -> line.startsWith("signature"));
    }

    @Test
    void anEditedSummaryIsCaughtByItsHashAndByTheFieldThatNoLongerRecomputes() throws Exception {
        Path zip = tampered("run/summary.json", text -> text.replaceFirst("\"pass_rate\" : 1.0", "\"pass_rate\" : 0.99"));

        List<String> failures = failures(verify(zip));

        assertThat(failures).anyMatch(line -> line.startsWith("run/summary.json: sha256: "))
                .contains("run/summary.json: pass_rate: 1.0 as recomputed from trials.jsonl (records 0.99)");
    }

    @Test
    void aDroppedTrialLineIsNamedAsTheMissingTrial() throws Exception {
        Path zip = tampered(TRIALS, text -> Arrays.stream(text.split("\n")).skip(1).collect(Collectors.joining("\n", "", "\n")));
        String droppedTask = BundleFixtures.entry(bundle, TRIALS).lines().findFirst().orElseThrow()
                .replaceAll(".*\"task\":\"([a-d]+)\",\"epoch\":(\\d).*", "($1, epoch $2)");

        List<String> failures = failures(verifyWithSuite(zip, suite));

        assertThat(failures).anyMatch(line -> line.startsWith("run/trials.jsonl: sha256: "))
                .contains("run/trials.jsonl: trials: a trial of " + droppedTask + " (there is none)")
                .anyMatch(line -> line.startsWith("run/summary.json: trials: 7 as recomputed from trials.jsonl (records 8)"));
    }

    @Test
    void aRepeatedTrialLineIsNamedWithBothLines() throws Exception {
        Path zip = tampered(TRIALS, text -> text + text.lines().skip(1).findFirst().orElseThrow() + "\n");
        String repeated = BundleFixtures.entry(bundle, TRIALS).lines().skip(1).findFirst().orElseThrow()
                .replaceAll(".*\"task\":\"([a-d]+)\",\"epoch\":(\\d).*", "($1, epoch $2)");

        List<String> failures = failures(verify(zip));

        assertThat(failures).contains("run/trials.jsonl:9: task: " + repeated + " once (it is also on line 2)");
    }

    @Test
    void aFileAddedToTheZipInOrOutsideTheRunIsNamed() throws Exception {
        Path zip = BundleFixtures.rewrite(bundle, temp.resolve("added.zip"), Map.of(),
                Map.of("run/notes.txt", "trust me", "README", "unsigned"));

        List<String> failures = failures(verify(zip));

        assertThat(failures).containsExactlyInAnyOrder(
                "run/notes.txt: file: listed in hashes.json (it was added: nothing signed names it)",
                "README: entry: only run/, hashes.json and signature in a bundle (this entry was added: nothing signed names it)");
    }

    @Test
    void aRunSignedWithoutASummaryHasItsSummaryReportedNotCheckedRatherThanPassedOrFailed() throws Exception {
        Path run = BundleFixtures.run(BundleFixtures.suite(temp.resolve("suite"), "a"), 1, temp.resolve("run"));
        Files.delete(run.resolve("summary.json")); // As a run killed before its end leaves it.

        Verification result = verify(BundleFixtures.bundle(run, KEYS, temp.resolve("claim.zip")));

        assertThat(result.failures()).isEmpty();
        assertThat(result.notChecked()).contains("the summary: the bundle has no run/summary.json");
        assertThat(result.held()).noneMatch(held -> held.startsWith("summary"));
    }

    @Test
    void anEntryThatAppearsTwiceIsNamed() throws Exception {
        // A zip writer refuses duplicate names, so one is made by renaming an added entry in place.
        Path added = BundleFixtures.rewrite(bundle, temp.resolve("added.zip"), Map.of(), Map.of("run/trials.jsonX", "{}\n"));
        String bytes = new String(Files.readAllBytes(added), StandardCharsets.ISO_8859_1);
        Path twice = Files.write(temp.resolve("twice.zip"),
                bytes.replace("run/trials.jsonX", TRIALS).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(failures(verify(twice))).containsExactly(
                "run/trials.jsonl: entry: once in the bundle (the zip holds it more than once)");
    }

    @Test
    void anEditedSuiteFileIsNamedWithTheSuitesContentHash() throws Exception {
        Path copy = BundleFixtures.suite(temp.resolve("suite"), "a", "bb", "ccc", "dddd");
        Files.writeString(copy.resolve("tasks.jsonl"), Files.readString(copy.resolve("tasks.jsonl")).replace("\"answer\": \"2\"", "\"answer\": \"3\""));

        Verification result = verifyWithSuite(bundle, copy);

        assertThat(failures(result)).hasSize(2)
                .anyMatch(line -> line.startsWith(copy.resolve("tasks.jsonl") + ": sha256: "))
                .anyMatch(line -> line.startsWith(copy + ": content_hash: sha256:"));
        assertThat(result.held()).noneMatch(held -> held.startsWith("suite"));
    }

    @Test
    void theWrongKeyFailsTheSignatureAndTheSignerNamedInTheTree() {
        KeyPair other = Ed25519.generate();

        List<String> failures = failures(BundleVerifier.verify(bundle, other.getPublic(), null, null));

        assertThat(failures).containsExactly(
                "signature: Ed25519: a valid signature over hashes.json by key " + Ed25519.fingerprint(other.getPublic())
                        + " (it is not: another key signed, or a file changed)",
                "hashes.json: signer.public_key_sha256: the given key's fingerprint " + Ed25519.fingerprint(other.getPublic())
                        + " (names " + Ed25519.fingerprint(KEYS.getPublic()) + ")");
    }

    @Test
    void aTruncatedZipIsOneFailureAndNothingElseIsClaimed() throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        Path truncated = Files.write(temp.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));

        Verification result = verify(truncated);

        assertThat(failures(result)).singleElement().asString().startsWith(truncated + ": zip: a complete, readable zip archive (");
        assertThat(result.held()).isEmpty();
        assertThat(result.notChecked()).containsExactly("everything else: the bundle is not a readable zip");
    }

    private static long bytesOfRunFiles() {
        try (Stream<Path> files = Files.list(shared.resolve("run"))) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

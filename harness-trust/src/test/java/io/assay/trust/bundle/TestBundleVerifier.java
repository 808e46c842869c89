package io.assay.trust.bundle;

import static io.assay.trust.bundle.BundleFixtures.ASSAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        assertThat(withSuite.info()).containsExactly("images: none signed", "plugins: none");
        assertThat(withSuite.held()).hasSize(7).anySatisfy(held -> assertThat(held).startsWith("signature: Ed25519"))
                .contains("run files: all 3 files match hashes.json (" + bytesOfRunFiles() + " bytes)",
                        "summary: summary.json recomputes exactly from the 8 trials in trials.jsonl",
                        "trials: each (task, epoch) once: 4 tasks × 2 epochs = 8 trials, the suite's selected task ids",
                        "images: the 0 images hashes.json signs are those the trials recorded",
                        "plugins: the plugin jars hashes.json signs are those the manifest recorded");
        assertThat(withSuite.notChecked()).isEmpty();
        assertThat(alone.holds()).isTrue();
        assertThat(alone.held()).hasSize(6).noneMatch(held -> held.startsWith("suite"));
        assertThat(alone.notChecked()).singleElement().asString().startsWith("the suite on disk: no --suite given");
    }

    @Test
    void anEditedTrialIsCaughtByItsHashAndByTheSummaryItNoLongerAgreesWith() throws Exception {
        // The first trial, failed: its outcome's score and its reward's alike. No longer than it was, so it
        // unpacks (a file longer than signed is stopped at its signed size, as a zip bomb would be).
        Path zip = tampered(TRIALS, text -> {
            int end = text.indexOf('\n');
            return text.substring(0, end).replace("\"score\":1.0,\"passed\":true", "\"score\":0,\"passed\":false")
                    + text.substring(end);
        });

        List<String> failures = failures(verify(zip));

        assertThat(failures).anyMatch(line -> line.startsWith("run/trials.jsonl: sha256: ") && line.contains(", as signed (is "))
                .anyMatch(line -> line.startsWith("run/summary.json: score.mean: 0.875 as recomputed from trials.jsonl (records 1.0)"))
                .noneMatch(line -> line.startsWith("signature"));
    }

    @Test
    void anEditedSummaryIsCaughtByItsHashAndByTheFieldThatNoLongerRecomputes() throws Exception {
        Path zip = tampered("run/summary.json", text -> text.replaceFirst("\"pass_rate\" : 1.0", "\"pass_rate\" : 0.9"));

        List<String> failures = failures(verify(zip));

        assertThat(failures).anyMatch(line -> line.startsWith("run/summary.json: sha256: "))
                .contains("run/summary.json: pass_rate: 1.0 as recomputed from trials.jsonl (records 0.9)");
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
        // The longest line replaced by a copy of another, so the file does not grow. Which line is longest
        // depends on the run's timings, so it may come before or after the one copied.
        List<String> lines = BundleFixtures.entry(bundle, TRIALS).lines().toList();
        int longest = IntStream.range(0, lines.size()).boxed().max(Comparator.comparingInt(i -> lines.get(i).length())).orElseThrow();
        int copied = longest == 0 ? 1 : 0;
        List<String> edited = new ArrayList<>(lines);
        edited.set(longest, lines.get(copied));
        Path zip = tampered(TRIALS, text -> String.join("\n", edited) + "\n");
        String repeated = lines.get(copied).replaceAll(".*\"task\":\"([a-d]+)\",\"epoch\":(\\d).*", "($1, epoch $2)");

        List<String> failures = failures(verify(zip));

        assertThat(failures).contains("run/trials.jsonl:" + (Math.max(longest, copied) + 1) + ": task: " + repeated
                + " once (it is also on line " + (Math.min(longest, copied) + 1) + ")");
    }

    @Test
    void aFileAddedToTheZipInOrOutsideTheRunIsNamed() throws Exception {
        Path zip = BundleFixtures.rewrite(bundle, temp.resolve("added.zip"), Map.of(),
                Map.of("run/notes.txt", "trust me", "README", "unsigned"));

        List<String> failures = failures(verify(zip));

        assertThat(failures).containsExactlyInAnyOrder(
                "run/notes.txt: file: listed in hashes.json (it was added: nothing signed names it; not unpacked)",
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

    /**
     * The attack one reader of the zip and another could disagree on: a second set of entries, the same
     * run with every trial failed, written before the signed bundle's bytes. A reader of the central
     * directory finds the signed run; one walking local headers from the front, the other.
     */
    @Test
    void bytesBeforeTheFirstEntryFailVerificationAndTheRunIsNotUnpackedForReplication() throws Exception {
        Path failedRun = tampered(TRIALS, text -> text.replace("\"score\":1.0", "\"score\":0.0"));
        byte[] prefix = Files.readAllBytes(failedRun);
        byte[] signed = Files.readAllBytes(bundle);
        byte[] both = Arrays.copyOf(prefix, prefix.length + 4 + signed.length);
        System.arraycopy(signed, 0, both, prefix.length + 4, signed.length);
        Path zip = Files.write(temp.resolve("prefixed.zip"), both);

        Verification result = verify(zip);

        assertThat(failures(result)).singleElement().asString().startsWith(zip + ": layout: entries back to back from the first byte"
                + " to the central directory, as assay bundle writes them (" + (prefix.length + 4) + " bytes before or inside the entries");
        assertThatThrownBy(() -> BundleLayout.unpackRun(zip, temp.resolve("unpacked")))
                .isInstanceOf(InputException.class).hasMessageStartingWith(zip + ": layout: ");
    }

    @Test
    void anEntryThatEscapesTheRunFolderIsNamedAndNotWrittenSignedOrNot() throws Exception {
        Path zip = BundleFixtures.rewrite(bundle, temp.resolve("escape.zip"),
                Map.of("hashes.json", hashes -> editJson(hashes, tree -> ((ObjectNode) tree.path("run").path("files"))
                        .set("../signed-escape", JSON.createObjectNode().put("sha256", "00").put("size", 6)))),
                Map.of("run/../escape", "outside", "run/../signed-escape", "inside"));
        Path into = temp.resolve("work").resolve("unpacked");

        List<String> failures = failures(verify(zip));

        assertThat(failures).contains("run/../escape: file: listed in hashes.json (it was added: nothing signed names it; not unpacked)",
                "run/../signed-escape: entry: a path inside run/ (it escapes the run folder; not unpacked)");
        assertThatThrownBy(() -> BundleLayout.unpackRun(zip, into)).isInstanceOf(InputException.class)
                .hasMessageContaining("run/../signed-escape: entry: a path inside run/");
        assertThat(into.resolveSibling("escape")).doesNotExist();
        assertThat(into.resolveSibling("signed-escape")).doesNotExist();
    }

    @Test
    void entriesThatCollideOnDiskAreEachNamedAndTheOtherChecksStillRun() throws Exception {
        Path zip = BundleFixtures.rewrite(bundle, temp.resolve("colliding.zip"),
                Map.of("hashes.json", hashes -> editJson(hashes, tree -> ((ObjectNode) tree.path("run").path("files"))
                        .set("trials.jsonl/x", JSON.createObjectNode().put("sha256", "00").put("size", 1)))),
                Map.of("run/trials.jsonl/x", "x"));

        Verification result = verify(zip);

        assertThat(failures(result)).anyMatch(line -> line.startsWith(
                "run/trials.jsonl/x: entry: an entry that unpacks (java.nio.file.FileAlreadyExistsException"));
        assertThat(result.held()).contains("summary: summary.json recomputes exactly from the 8 trials in trials.jsonl");
    }

    @Test
    void aManifestWithoutSuiteAgentOrSettingsIsNamedWithItsHashAndTheChecksThatNeedItAreNotChecked() throws Exception {
        Path zip = tampered("run/manifest.json", manifest -> "{\"run_id\":\"a\"}");

        Verification result = verify(zip);

        assertThat(failures(result)).anyMatch(line -> line.startsWith("run/manifest.json: sha256: "))
                .contains("run/manifest.json: suite: present, as assay run writes it (it is missing)",
                        "run/manifest.json: agent: present, as assay run writes it (it is missing)",
                        "run/manifest.json: settings: present, as assay run writes it (it is missing)");
        assertThat(result.notChecked()).contains("the summary: run/manifest.json cannot be read",
                "missing and repeated trials: manifest.json cannot be read",
                "plugins: run/manifest.json cannot be read to compare them with");
    }

    @Test
    void anEntryLargerThanSignedIsStoppedAtItsSignedSizeAndNamed() throws Exception {
        Path zip = tampered("run/summary.json", summary -> summary + " ".repeat(1 << 20));
        long signed = Files.size(shared.resolve("run").resolve("summary.json"));
        Path into = temp.resolve("unpacked");

        Verification result = verify(zip);

        assertThat(failures(result)).containsExactly(
                "run/summary.json: size: " + signed + " bytes, as signed (it holds more; unpacking stopped there)");
        assertThatThrownBy(() -> BundleLayout.unpackRun(zip, into)).isInstanceOf(InputException.class)
                .hasMessageContaining("run/summary.json: size: ");
        assertThat(into.resolve("summary.json")).doesNotExist();
    }

    @Test
    void signedImagesOrPluginsThatDifferFromWhatTheRunRecordedFailAndAreShown() throws Exception {
        Path zip = tampered("hashes.json", hashes -> editJson(hashes, tree -> {
            ((ObjectNode) tree).putArray("images").addObject().put("tag", "assay-task/0").put("id", "sha256:1");
            ((ObjectNode) tree).putArray("plugins").addObject().put("jar", "extra.jar").put("sha256", "2");
        }));

        Verification result = verify(zip);

        assertThat(result.info()).containsExactly("images: assay-task/0 sha256:1", "plugins: extra.jar 2");
        assertThat(failures(result)).contains(
                "hashes.json: images: no images, as the trials in run/trials.jsonl recorded (signs assay-task/0 sha256:1)",
                "hashes.json: plugins: [], as run/manifest.json records (signs [PluginJar[jar=extra.jar, sha256=2]])");
    }

    @Test
    void withASuiteTheTrialsLineCountsTheSuitesTasksAndAManifestRecordingAnotherCountFails() throws Exception {
        Path zip = tampered("run/manifest.json", manifest -> editJson(manifest, tree -> {
            ((ObjectNode) tree.path("suite")).put("tasks", 5).remove("selected");
        }));

        Verification result = verifyWithSuite(zip, suite);

        assertThat(failures(result)).contains("run/manifest.json: suite: 4 tasks evaluated, as the suite and the run's"
                + " selection give (the manifest records 5)");
        assertThat(result.held()).noneMatch(held -> held.startsWith("trials:"));
    }

    private static String editJson(String json, java.util.function.Consumer<JsonNode> edit) {
        try {
            JsonNode tree = JSON.readTree(json);
            edit.accept(tree);
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long bytesOfRunFiles() {
        try (Stream<Path> files = Files.list(shared.resolve("run"))) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.assay.trust.bundle;

import static io.assay.trust.bundle.BundleFixtures.ASSAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code assay bundle} signs: every run file's hash as it was packed, the suite as loaded, the
 * plugin jars the run recorded (or that it recorded none), the versions and the signer; and what it
 * refuses to sign.
 */
class TestBundleWriter {
    private static final KeyPair KEYS = Ed25519.generate();

    @TempDir
    Path temp;

    @Test
    void theTreeHashesEveryRunFileAndTheSuiteAsLoadedAndIsWhatTheSignatureCovers() throws Exception {
        Path suite = BundleFixtures.suite(temp.resolve("suite"), "a", "bb");
        Path run = BundleFixtures.run(suite, 1, temp.resolve("run"));

        HashTree tree = BundleWriter.write(ASSAY, run, KEYS, null, temp.resolve("claim.zip"));

        assertThat(tree.run().files()).containsOnlyKeys("manifest.json", "summary.json", "trials.jsonl")
                .containsEntry("trials.jsonl", Digests.of(run.resolve("trials.jsonl")));
        assertThat(tree.suite()).isEqualTo(new HashTree.Suite("sums", "1", ASSAY.loadSuite(suite, null).contentHash(),
                suite.toString(), FileHash.ofDirectory(suite)));
        assertThat(tree.run().harnessVersion()).isEqualTo(RunReport.manifestOf(run).harnessVersion());
        assertThat(tree.assayVersion()).isEqualTo(Assay.version());
        assertThat(tree.images()).isEmpty();
        assertThat(tree.plugins()).isEqualTo(RunReport.manifestOf(run).plugins()).isNotNull();
        assertThat(tree.signer()).isEqualTo(new HashTree.Signer("Ed25519", Ed25519.fingerprint(KEYS.getPublic())));
        byte[] hashes = BundleFixtures.entry(temp.resolve("claim.zip"), "hashes.json").getBytes(StandardCharsets.UTF_8);
        assertThat(hashes).isEqualTo(tree.bytes());
        assertThat(Ed25519.verifies(KEYS.getPublic(), hashes, BundleFixtures.entry(temp.resolve("claim.zip"), "signature"))).isTrue();
        assertThat(BundleLayout.unpackRun(temp.resolve("claim.zip"), temp.resolve("unpacked")).resolve("trials.jsonl"))
                .hasSameBinaryContentAs(run.resolve("trials.jsonl"));
    }

    @Test
    void aRunRecordedBeforePluginJarsWereSaysSoWithNull() throws Exception {
        Path run = BundleFixtures.run(BundleFixtures.suite(temp.resolve("suite"), "a"), 1, temp.resolve("run"));
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll(",\\s*\"plugins\"\\s*:\\s*\\[[^\\]]*\\]", ""));

        HashTree tree = BundleWriter.write(ASSAY, run, KEYS, null, temp.resolve("claim.zip"));

        assertThat(tree.plugins()).isNull();
        assertThat(BundleFixtures.entry(temp.resolve("claim.zip"), "hashes.json")).contains("\"plugins\" : null");
    }

    @Test
    void aSuiteThatChangedSinceTheRunIsRefusedAndSoIsAGivenOneThatDiffers() throws Exception {
        Path suite = BundleFixtures.suite(temp.resolve("suite"), "a", "bb");
        Path run = BundleFixtures.run(suite, 1, temp.resolve("run"));
        Path other = BundleFixtures.suite(temp.resolve("other"), "a", "bb", "ccc");
                Files.writeString(suite.resolve("suite.yaml"), Files.readString(suite.resolve("suite.yaml")).replace("Adding.", "Summing."));

        assertThatThrownBy(() -> BundleWriter.write(ASSAY, run, KEYS, null, temp.resolve("a.zip")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("suite " + suite + " is not the one run " + run + " evaluated: its content hash is sha256:");
        assertThatThrownBy(() -> BundleWriter.write(ASSAY, run, KEYS, other, temp.resolve("b.zip")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("suite " + other + " is not the one run");
        assertThatThrownBy(() -> BundleWriter.write(ASSAY, run, KEYS, temp.resolve("gone"), temp.resolve("c.zip")))
                .isInstanceOf(InputException.class).hasMessage("suite " + temp.resolve("gone") + " does not exist");
        assertThat(temp.resolve("a.zip")).doesNotExist();
        assertThat(temp.resolve("a.zip.partial")).doesNotExist();
    }

    @Test
    void anExistingBundleIsNeverOverwrittenNorOneWrittenIntoTheRun() throws Exception {
        Path run = BundleFixtures.run(BundleFixtures.suite(temp.resolve("suite"), "a"), 1, temp.resolve("run"));
        Path out = Files.writeString(temp.resolve("claim.zip"), "mine");

        assertThatThrownBy(() -> BundleWriter.write(ASSAY, run, KEYS, null, out))
                .isInstanceOf(InputException.class).hasMessage(out + " already exists; a bundle is never overwritten");
        assertThat(out).hasContent("mine");
        assertThatThrownBy(() -> BundleWriter.write(ASSAY, run, KEYS, null, run.resolve("claim.zip")))
                .isInstanceOf(InputException.class).hasMessageStartingWith(run.resolve("claim.zip") + " is inside run ");
    }

    @Test
    void imagesAreTheDistinctOnesTheTrialsVerifiersRecorded() throws Exception {
        Path run = BundleFixtures.run(BundleFixtures.suite(temp.resolve("suite"), "a", "bb"), 1, temp.resolve("run"));
        Path trials = run.resolve("trials.jsonl");
        // Both trials ran in one image, recorded as the Docker sandbox records it (TestBundleCommands
        // checks that with a real sandbox run).
        ObjectMapper json = new ObjectMapper();
        StringBuilder imaged = new StringBuilder();
        for (String line : Files.readAllLines(trials)) {
            ObjectNode trial = (ObjectNode) json.readTree(line);
            ((ObjectNode) trial.with("reward").with("evidence")).putObject("image")
                    .put("tag", "assay-task/0123456789abcdef").put("id", "sha256:feed");
            imaged.append(json.writeValueAsString(trial)).append('\n');
        }
        Files.writeString(trials, imaged);

        HashTree tree = BundleWriter.write(ASSAY, run, KEYS, null, temp.resolve("claim.zip"));

        assertThat(tree.images()).containsExactly(new HashTree.Image("assay-task/0123456789abcdef", "sha256:feed"));
    }
}

package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.docker.DockerRequirement;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay keys generate}, {@code assay bundle} and {@code assay verify} as a user runs them on
 * the examples: the round trip, the exit codes (0 held, 1 a check failed, 2 bad usage) and one line
 * per failure or error, never a stack trace; and a real Docker sandbox run whose bundle names the
 * images its trials ran in.
 */
class TestBundleCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path key() {
        Path key = temp.resolve("signing.pem");
        CliResult generated = run("keys", "generate", "--out", key.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        return key;
    }

    private Path bundleOf(Path runDirectory, Path key) {
        Path bundle = temp.resolve(runDirectory.getFileName() + ".zip");
        CliResult bundled = run("bundle", runDirectory.toString(), "--key", key.toString(), "--out", bundle.toString());
        assertThat(bundled.exitCode()).as(bundled.err()).isZero();
        return bundle;
    }

    private Path arithmeticBundle(Path key) {
        return bundleOf(CliResult.exampleRun(temp.resolve("arith-oracle"), "arithmetic", "oracle"), key);
    }

    @Test
    void keysBundleAndVerifyRoundTripOnTheArithmeticExample() throws Exception {
        Path key = temp.resolve("signing.pem");
        CliResult generated = run("keys", "generate", "--out", key.toString());
        Path bundle = arithmeticBundle(key);

        CliResult alone = run("verify", bundle.toString(), "--pubkey", key + ".pub");
        CliResult withSuite = run("verify", bundle.toString(), "--pubkey", key + ".pub", "--suite", example("arithmetic"));

        assertThat(generated.err()).matches("wrote .*signing.pem \\(private, keep it secret\\) and .*signing.pem.pub \\(public\\);"
                + " fingerprint [0-9a-f]{64}\\R");
        assertThat(alone.exitCode()).as(alone.out()).isZero();
        assertThat(alone.out()).contains("ok: trials: each (task, epoch) once: 20 tasks × 1 epoch = 20 trials\n",
                "ok: summary: summary.json recomputes exactly from the 20 trials in trials.jsonl\n",
                "not checked: the suite on disk: no --suite given")
                .contains("info: images: none signed\n", "info: plugins: ")
                .endsWith("verified " + bundle + ": 6 checks held, 1 not checked\n");
        assertThat(withSuite.exitCode()).as(withSuite.out()).isZero();
        assertThat(withSuite.out()).contains("ok: suite: " + example("arithmetic") + " is arithmetic 1.0.0 as it ran: all 3 files")
                .doesNotContain("not checked").endsWith("verified " + bundle + ": 7 checks held\n");
    }

    @Test
    void anEditedTrialExitsWith1NamingTheFile() throws Exception {
        Path key = key();
        Path bundle = arithmeticBundle(key);
        Path edited = temp.resolve("edited.zip");
        copyEditing(bundle, edited, "run/trials.jsonl", text -> text.replaceFirst("\"answer\":\"1.35\"", "\"answer\":\"1.36\""));

        CliResult result = run("verify", edited.toString(), "--pubkey", key + ".pub");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).containsPattern("(?m)^run/trials.jsonl: sha256: [0-9a-f]{64}, \\d+ bytes, as signed \\(is ")
                .endsWith("NOT verified " + edited + ": 1 failure\n");
    }

    @Test
    void aTruncatedZipExitsWith1InOneLineWithoutAStackTrace() throws Exception {
        Path key = key();
        byte[] bytes = Files.readAllBytes(arithmeticBundle(key));
        Path truncated = Files.write(temp.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length - 30));

        CliResult result = run("verify", truncated.toString(), "--pubkey", key + ".pub");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines().filter(line -> line.startsWith(truncated + ": zip: "))).hasSize(1);
        assertThat(result.out()).doesNotContain("ok: ");
        assertThat(result.out() + result.err()).doesNotContain("\tat ");
    }

    @Test
    void keysAreNeverOverwrittenExitCode2() throws Exception {
        Path key = key();
        String before = Files.readString(key);

        CliResult again = run("keys", "generate", "--out", key.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().lines().filter(line -> line.startsWith("error: ")))
                .containsExactly("error: " + key + " already exists; a key file is never overwritten");
        assertThat(key).hasContent(before);
    }

    @Test
    void aPubkeyFileThatIsNotAPublicKeyOrAMissingBundleIsBadUsageExitCode2() throws Exception {
        Path key = key();
        Path bundle = arithmeticBundle(key);

        CliResult privateAsPublic = run("verify", bundle.toString(), "--pubkey", key.toString());
        CliResult noBundle = run("verify", temp.resolve("none.zip").toString(), "--pubkey", key + ".pub");

        assertThat(privateAsPublic.exitCode()).isEqualTo(2);
        assertThat(privateAsPublic.err().lines().filter(line -> line.startsWith("error: ")))
                .containsExactly("error: " + key + ": not an Ed25519 public key in PEM: no -----BEGIN PUBLIC KEY-----"
                        + " ... -----END PUBLIC KEY----- block");
        assertThat(privateAsPublic.out()).isEmpty();
        assertThat(noBundle.exitCode()).isEqualTo(2);
        assertThat(noBundle.err()).startsWith("error: " + temp.resolve("none.zip") + ": no such file\n");
    }

    @Test
    @ExtendWith(DockerRequirement.class)
    void aSandboxRunsBundleNamesTheImagesItsTrialsRanInAndVerifies() throws Exception {
        Path key = key();
        Path runDirectory = temp.resolve("terminal-oracle");
        CliResult ran = run("run", example("terminal"), "--agent", "oracle", "--out", runDirectory.toString(), "--progress", "none");
        assertThat(ran.exitCode()).as(ran.err()).isZero();

        Path bundle = bundleOf(runDirectory, key);
        CliResult verified = run("verify", bundle.toString(), "--pubkey", key + ".pub", "--suite", example("terminal"));

        Set<JsonNode> recorded = new HashSet<>();
        for (String line : Files.readAllLines(runDirectory.resolve("trials.jsonl"))) {
            recorded.add(JSON.readTree(line).path("reward").path("evidence").path("image"));
        }
        JsonNode images;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            images = JSON.readTree(zip.getInputStream(zip.getEntry("hashes.json"))).path("images");
        }
        assertThat(recorded).isNotEmpty().allSatisfy(image -> {
            assertThat(image.path("tag").asText()).startsWith("assay-task/");
            assertThat(image.path("id").asText()).matches("sha256:[0-9a-f]{64}");
        });
        assertThat(images).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(verified.exitCode()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("ok: trials: each (task, epoch) once: 6 tasks × 1 epoch = 6 trials");
    }

    @Test
    void aManifestWithoutItsFieldsFailsVerifyNamingThemAndIsOneLineExitTwoForBundleAndReplicate() throws Exception {
        Path key = key();
        Path runDirectory = CliResult.exampleRun(temp.resolve("arith-oracle"), "arithmetic", "oracle");
        Path bundle = bundleOf(runDirectory, key);
        Path edited = temp.resolve("manifest.zip");
        copyEditing(bundle, edited, "run/manifest.json", manifest -> "{\"run_id\":\"a\"}");
        Files.writeString(runDirectory.resolve("manifest.json"), "{\"run_id\":\"a\"}");

        CliResult verified = run("verify", edited.toString(), "--pubkey", key + ".pub");
        CliResult replicated = run("replicate", edited.toString(), "--sample", "1");
        CliResult bundled = run("bundle", runDirectory.toString(), "--key", key.toString(), "--out", temp.resolve("again.zip").toString());

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
        assertThat(verified.out()).containsPattern("(?m)^run/manifest.json: sha256: [0-9a-f]{64}, \\d+ bytes, as signed \\(is ")
                .contains("run/manifest.json: suite: present, as assay run writes it (it is missing)\n",
                        "not checked: the summary: run/manifest.json cannot be read\n");
        assertThat(verified.err()).doesNotContain("internal error");
        assertThat(replicated.exitCode()).isEqualTo(2);
        assertThat(replicated.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
                "error: " + edited + ": run/manifest.json: suite: missing (also agent, settings)");
        assertThat(bundled.exitCode()).isEqualTo(2);
        assertThat(bundled.err().lines().filter(line -> line.startsWith("error: "))).containsExactly(
                "error: " + runDirectory.resolve("manifest.json") + ": suite: missing (also agent, settings)");
        assertThat(verified.err() + replicated.err() + bundled.err()).doesNotContain("\tat ");
    }

    @Test
    void bytesBeforeTheEntriesFailVerifyAndReplicateRefusesTheBundleWithOrWithoutAKey() throws Exception {
        Path key = key();
        byte[] signed = Files.readAllBytes(arithmeticBundle(key));
        byte[] prefixed = Arrays.copyOf(new byte[] {'j', 'u', 'n', 'k'}, 4 + signed.length);
        System.arraycopy(signed, 0, prefixed, 4, signed.length);
        Path bundle = Files.write(temp.resolve("prefixed.zip"), prefixed);

        CliResult verified = run("verify", bundle.toString(), "--pubkey", key + ".pub");
        CliResult replicated = run("replicate", bundle.toString(), "--sample", "1");
        CliResult checkedFirst = run("replicate", bundle.toString(), "--sample", "1", "--pubkey", key + ".pub");

        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.out()).contains(bundle + ": layout: entries back to back from the first byte to the central directory,"
                + " as assay bundle writes them (4 bytes before or inside the entries");
        assertThat(replicated.exitCode()).isEqualTo(2);
        assertThat(replicated.err().lines().filter(line -> line.startsWith("error: "))).singleElement().asString()
                .startsWith("error: " + bundle + ": layout: ");
        assertThat(checkedFirst.exitCode()).isEqualTo(1);
        assertThat(checkedFirst.err()).contains(bundle + ": layout: ",
                "error: " + bundle + " does not verify with " + key + ".pub: 1 failure; the claim was not replicated");
    }

    /** Copies {@code zip} to {@code out}, the entry {@code name} changed by {@code edit}. */
    private static void copyEditing(Path zip, Path out, String name, UnaryOperator<String> edit) throws IOException {
        try (ZipFile source = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(out);
             ZipOutputStream target = new ZipOutputStream(file)) {
            for (ZipEntry entry : source.stream().toList()) {
                byte[] bytes = source.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                target.write(bytes);
                target.closeEntry();
            }
        }
    }
}

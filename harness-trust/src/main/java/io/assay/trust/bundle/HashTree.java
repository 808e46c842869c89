package io.assay.trust.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.launcher.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SortedMap;

/**
 * A bundle's {@code hashes.json}: what the signature covers. Every file of the run directory, the
 * suite as it was loaded, the images sandboxed trials ran in, the plugin jars the run's engine loaded,
 * the Assay versions involved and the signer's key fingerprint.
 *
 * <pre>{@code
 * HashTree tree = HashTree.parse(Files.readAllBytes(Path.of("hashes.json")));
 * tree.run().files().get("trials.jsonl").sha256();
 * }</pre>
 *
 * @param format the version of this layout, {@value #FORMAT}
 * @param assayVersion the Assay that made the bundle
 * @param run the run directory
 * @param suite the suite the run evaluated, as loaded when the bundle was made
 * @param images every distinct image a sandboxed trial recorded running in, sorted; empty when no trial
 *     ran in a sandbox or none recorded its image (runs made before Assay recorded images)
 * @param plugins the plugin jars the run's manifest recorded, or {@code null} when the manifest predates
 *     that record: unknown, not none
 * @param signer whose key signed the tree
 */
public record HashTree(int format, String assayVersion, Run run, Suite suite, List<Image> images,
                       @JsonInclude(JsonInclude.Include.ALWAYS) List<Manifest.PluginJar> plugins, Signer signer) {
    /** The layout version this Assay writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * @param id the run's id
     * @param harnessVersion the Assay version that made the run, as its manifest says
     * @param files every file of the run directory by relative path
     */
    public record Run(String id, String harnessVersion, SortedMap<String, FileHash> files) {
    }

    /**
     * @param id the suite's id, as loaded
     * @param version its version, as loaded
     * @param contentHash its content hash, as loaded; the same as the run's manifest recorded
     * @param path where the run's manifest says the suite was
     * @param files every file of the suite directory by relative path
     */
    public record Suite(String id, String version, String contentHash, String path, SortedMap<String, FileHash> files) {
    }

    /**
     * A container image a trial ran in.
     *
     * @param tag the name the trial used, such as {@code assay-task/3f1c0a9b2d4e5f60}
     * @param id the image's ID, {@code sha256:...}, which names its content
     */
    public record Image(String tag, String id) {
    }

    /**
     * @param algorithm {@value Ed25519#ALGORITHM}
     * @param publicKeySha256 the signer's key fingerprint ({@link Ed25519#fingerprint})
     */
    public record Signer(String algorithm, String publicKeySha256) {
    }

    /** The tree as {@code hashes.json} holds it: indented JSON in UTF-8. These are the bytes signed. */
    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the hash tree as JSON", e);
        }
    }

    /**
     * The tree in {@code bytes}.
     *
     * @throws IOException when they are not a hash tree of format {@value #FORMAT}
     */
    public static HashTree parse(byte[] bytes) throws IOException {
        HashTree tree = JSON.readValue(bytes, HashTree.class);
        if (tree.format != FORMAT) {
            throw new IOException("format " + tree.format + ", not " + FORMAT);
        }
        if (tree.run == null || tree.run.files == null || tree.suite == null || tree.suite.files == null) {
            throw new IOException("no run.files or suite.files");
        }
        return tree;
    }
}

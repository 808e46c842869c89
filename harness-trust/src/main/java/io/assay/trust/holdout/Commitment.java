package io.assay.trust.holdout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code commitment.json}: what a benchmark owner publishes about a holdout split. It names the
 * suite, the split's fraction and seed, the public part's content hash and, for each private task,
 * its commitment: SHA-256 of a secret random salt followed by the task's bytes. The salts stay in the
 * private part, so the file reveals no private task's id or content, not even to someone guessing
 * one. It also commits, the same way, to each other file of the private part by its path: the
 * suite file, the task file as a whole and the files the suite file names, which grade the tasks.
 * {@code assay holdout verify} recomputes every commitment from the private part.
 *
 * <pre>{@code
 * Commitment commitment = Commitment.read(Path.of("split/commitment.json"));
 * commitment.commitments().size(); // the private tasks
 * }</pre>
 *
 * @param format the suite's format, {@code declarative} or {@code harbor}
 * @param tasks how many tasks the suite had before the split
 * @param publicTasks how many of them are in the public part
 * @param publicContentHash the public part's content hash, as a run on it records
 * @param commitments each private task's commitment, {@code sha256:HEX}, sorted
 * @param files each other file of the private part, by its path there (with {@code /}), and its commitment
 */
public record Commitment(String suiteId, String suiteVersion, String format, double fraction, long seed, int tasks,
                         int publicTasks, String publicContentHash, List<String> commitments,
                         SortedMap<String, String> files) {

    /** The file name in a split's directory. */
    public static final String FILE = "commitment.json";
    private static final String SCHEME = "each commitment is sha256(salt || task bytes) with a secret 32-byte salt per"
            + " task: a declarative task's bytes are its line of the task file without the line break; a Harbor task's"
            + " are its directory's files in path order, each as its path's and its content's 8-byte big-endian"
            + " length and bytes. Each of the private part's other files (suite.yaml, the task file as a whole, the"
            + " files suite.yaml names, suite.toml) has one too, sha256(salt || path || 0 || file bytes) with one more"
            + " secret salt";
    private static final String WHAT = "the " + FILE + " that `assay holdout split` wrote";

    /** {@code sha256:HEX} of {@code salt} followed by the bytes of task {@code id}. */
    static String of(byte[] salt, SuiteTasks tasks, String id) throws IOException {
        MessageDigest digest = sha256();
        digest.update(salt);
        tasks.digest(id, digest);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads {@code file}, checking every field. */
    public static Commitment read(Path file) throws IOException {
        JsonNode tree = HoldoutJson.read(file, WHAT);
        JsonNode list = HoldoutJson.array(file, tree, "private.commitments");
        List<String> commitments = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            commitments.add(HoldoutJson.text(file, tree, "private.commitments[" + i + "]", HoldoutJson.SHA256,
                    "sha256: and 64 hex digits"));
        }
        JsonNode fileList = HoldoutJson.array(file, tree, "private.files");
        SortedMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < fileList.size(); i++) {
            files.put(HoldoutJson.text(file, tree, "private.files[" + i + "].path", Pattern.compile(".+"), "a file's path"),
                    HoldoutJson.text(file, tree, "private.files[" + i + "].commitment", HoldoutJson.SHA256,
                            "sha256: and 64 hex digits"));
        }
        long privateTasks = HoldoutJson.number(file, tree, "private.tasks", 1);
        if (privateTasks != commitments.size()) {
            throw HoldoutJson.bad(file, "private.tasks", "the number of private.commitments, " + commitments.size(),
                    tree.path("private").path("tasks"));
        }
        return new Commitment(
                HoldoutJson.text(file, tree, "suite.id", Pattern.compile(".+"), "the suite's id"),
                HoldoutJson.text(file, tree, "suite.version", Pattern.compile(".*"), "the suite's version"),
                HoldoutJson.text(file, tree, "format", Pattern.compile("declarative|harbor"), "declarative or harbor"),
                HoldoutJson.fraction(file, tree, "fraction"),
                HoldoutJson.number(file, tree, "seed", Long.MIN_VALUE),
                (int) HoldoutJson.number(file, tree, "tasks", 2),
                (int) HoldoutJson.number(file, tree, "public.tasks", 1),
                HoldoutJson.text(file, tree, "public.content_hash", HoldoutJson.SHA256, "sha256: and 64 hex digits"),
                List.copyOf(commitments), Collections.unmodifiableSortedMap(files));
    }

    void write(Path file) throws IOException {
        ObjectNode tree = HoldoutJson.object();
        tree.putObject("suite").put("id", suiteId).put("version", suiteVersion);
        tree.put("format", format);
        tree.put("fraction", fraction);
        tree.put("seed", seed);
        tree.put("tasks", tasks);
        tree.putObject("public").put("tasks", publicTasks).put("content_hash", publicContentHash);
        ObjectNode hidden = tree.putObject("private");
        hidden.put("tasks", commitments.size());
        commitments.stream().sorted().forEach(hidden.putArray("commitments")::add);
        ArrayNode fileList = hidden.putArray("files");
        files.forEach((path, commitment) -> fileList.addObject().put("path", path).put("commitment", commitment));
        tree.put("scheme", SCHEME);
        HoldoutJson.write(file, tree);
    }
}

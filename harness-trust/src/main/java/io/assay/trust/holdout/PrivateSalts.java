package io.assay.trust.holdout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code holdout-salts.json}, kept inside the private part and as secret as its tasks: each private
 * task's id and salt, which name a task whose commitment no longer matches, and the private part's
 * content hash, which a run on it records. Suite loaders read only their own files, so the part still
 * loads as a suite, and its content hash does not cover this file.
 *
 * @param contentHash the private part's content hash when it was split
 * @param salts each private task's salt, in the part's order
 * @param filesSalt the salt of the commitments to the part's other files ({@link PartFiles})
 */
record PrivateSalts(String contentHash, List<Salt> salts, byte[] filesSalt) {

    static final String FILE = HoldoutSplit.SALTS_FILE;
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2})+");
    private static final String WHAT = "the private part's " + FILE + " that `assay holdout split` wrote";

    /** One private task's salt. */
    record Salt(String id, byte[] salt) {
    }

    static PrivateSalts read(Path file) throws IOException {
        JsonNode tree = HoldoutJson.read(file, WHAT);
        JsonNode list = HoldoutJson.array(file, tree, "tasks");
        List<Salt> salts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            salts.add(new Salt(HoldoutJson.text(file, tree, "tasks[" + i + "].id", Pattern.compile(".+"), "a task id"),
                    HexFormat.of().parseHex(HoldoutJson.text(file, tree, "tasks[" + i + "].salt", HEX, "hex digits"))));
        }
        return new PrivateSalts(HoldoutJson.text(file, tree, "content_hash", HoldoutJson.SHA256,
                "sha256: and 64 hex digits"), List.copyOf(salts),
                HexFormat.of().parseHex(HoldoutJson.text(file, tree, "files_salt", HEX, "hex digits")));
    }

    void write(Path file) throws IOException {
        ObjectNode tree = HoldoutJson.object();
        tree.put("note", "secret: these salts let anyone who has them confirm a guess of a private task; keep them"
                + " with the private part");
        tree.put("content_hash", contentHash);
        tree.put("files_salt", HexFormat.of().formatHex(filesSalt));
        ArrayNode tasks = tree.putArray("tasks");
        salts.forEach(salt -> tasks.addObject().put("id", salt.id()).put("salt", HexFormat.of().formatHex(salt.salt())));
        HoldoutJson.write(file, tree);
    }
}

package io.assay.trust.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.kit.Plural;
import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.Manifest;
import io.assay.launcher.RunReport;
import io.assay.launcher.TaskSelection;
import io.assay.spi.InvalidSuiteException;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * {@code assay verify}: whether a bundle is what its signer signed and holds together. Every check
 * runs that can (a bad signature does not stop the hash checks), and each failure is named:
 * <ul>
 *   <li>the signature over {@code hashes.json}, by the given key;</li>
 *   <li>every run file against its signed SHA-256 and size: none missing, changed or added;</li>
 *   <li>{@code summary.json} against the summary recomputed from {@code trials.jsonl};</li>
 *   <li>each (task, epoch) exactly once, as many as the manifest's tasks × epochs (with a suite,
 *       exactly its selected task ids);</li>
 *   <li>with a suite, that it is the one that ran: its files' hashes and its loaded content hash.</li>
 * </ul>
 *
 * <pre>{@code
 * Verification result = BundleVerifier.verify(Path.of("claim.zip"), KeyFiles.readPublic(Path.of("k.pem.pub")), null, null);
 * }</pre>
 */
public final class BundleVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIALS = BundleLayout.RUN + "trials.jsonl";
    private static final String SUMMARY = BundleLayout.RUN + "summary.json";
    private static final String MANIFEST = BundleLayout.RUN + "manifest.json";

    private final Path bundle;
    private final PublicKey key;
    private final List<String> held = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();
    private final List<String> info = new ArrayList<>();

    private BundleVerifier(Path bundle, PublicKey key) {
        this.bundle = bundle;
        this.key = key;
    }

    /**
     * Checks {@code bundle}.
     *
     * @param key the public key the signer published
     * @param assay the engine that loads {@code suite}; {@code null} when no suite is given
     * @param suite the suite directory to check against the one that ran, or {@code null}
     * @throws InputException when the bundle or the suite directory does not exist
     */
    public static Verification verify(Path bundle, PublicKey key, Assay assay, Path suite) {
        if (!Files.isRegularFile(bundle)) {
            throw new InputException(bundle + ": no such file", "give a bundle made by assay bundle RUN --key KEY --out BUNDLE.zip");
        }
        if (suite != null && !Files.exists(suite)) {
            throw new InputException("suite " + suite + " does not exist", "give the suite directory the run evaluated with --suite DIR");
        }
        BundleVerifier verifier = new BundleVerifier(bundle, key);
        Path work = null;
        try {
            work = Files.createTempDirectory("assay-verify-");
            verifier.check(work, assay, suite);
        } catch (IOException e) {
            throw new InputException("cannot unpack " + bundle + " to verify it: " + e, "check the temporary folder's free space");
        } finally {
            deleteTree(work);
        }
        return new Verification(verifier.held, verifier.failures, verifier.notChecked, verifier.info);
    }

    private void check(Path work, Assay assay, Path suite) throws IOException {
        BundleContents contents;
        try {
            contents = BundleContents.unpack(bundle, work);
        } catch (ZipException | EOFException e) {
            failures.add(new Failure(bundle.toString(), 0, "zip", "a complete, readable zip archive (" + e.getMessage() + ")"));
            notChecked.add("everything else: the bundle is not a readable zip");
            return;
        }
        failures.addAll(contents.failures());
        HashTree tree = signedTree(contents);
        checkRunFiles(contents, tree);
        Manifest manifest = manifest(work, contents);
        checkSummary(work, contents, manifest);
        Suite loaded = suite == null ? null : checkSuite(assay, suite, manifest, tree);
        if (suite == null) {
            notChecked.add("the suite on disk: no --suite given, so nothing here shows which suite files ran;"
                    + " hashes.json names them, signed");
        }
        checkTrials(work, contents, manifest, loaded);
        checkImagesAndPlugins(work, contents, manifest, tree);
    }

    /** Checks the signature and the signer; returns the tree, or {@code null} when there is none to read. */
    private HashTree signedTree(BundleContents contents) {
        String fingerprint = Ed25519.fingerprint(key);
        Set<String> rejected = contents.rejected(); // present but too large to read: named already
        if (contents.hashes() == null && !rejected.contains(BundleLayout.HASHES)) {
            failures.add(new Failure(BundleLayout.HASHES, 0, "entry", "present in the bundle (it is missing)"));
        }
        if (contents.signature() == null && !rejected.contains(BundleLayout.SIGNATURE)) {
            failures.add(new Failure(BundleLayout.SIGNATURE, 0, "entry", "present in the bundle (it is missing)"));
        }
        if (contents.hashes() == null) {
            notChecked.add("the signature and every hash: the bundle has no readable " + BundleLayout.HASHES
                    + "; no run file was unpacked, so neither the summary nor the trials were checked");
            return null;
        }
        if (contents.signature() != null) {
            if (Ed25519.verifies(key, contents.hashes(), contents.signature())) {
                held.add("signature: Ed25519 over " + BundleLayout.HASHES + " by key " + fingerprint);
            } else {
                failures.add(new Failure(BundleLayout.SIGNATURE, 0, "Ed25519", "a valid signature over "
                        + BundleLayout.HASHES + " by key " + fingerprint + " (it is not: another key signed, or a file changed)"));
            }
        }
        HashTree tree = contents.tree();
        if (tree == null) {
            failures.add(new Failure(BundleLayout.HASHES, 0, "json", "a hash tree of format " + HashTree.FORMAT
                    + " (" + contents.treeProblem() + ")"));
            notChecked.add("every hash: " + BundleLayout.HASHES + " cannot be read; no run file was unpacked,"
                    + " so neither the summary nor the trials were checked");
            return null;
        }
        String signer = tree.signer() == null ? null : tree.signer().publicKeySha256();
        if (!fingerprint.equals(signer)) {
            failures.add(new Failure(BundleLayout.HASHES, 0, "signer.public_key_sha256",
                    "the given key's fingerprint " + fingerprint + " (names " + signer + ")"));
        }
        return tree;
    }

    private void checkRunFiles(BundleContents contents, HashTree tree) {
        if (tree == null) {
            return;
        }
        int before = failures.size();
        long bytes = 0;
        Set<String> rejected = contents.rejected();
        for (Map.Entry<String, FileHash> signed : tree.run().files().entrySet()) {
            String name = BundleLayout.RUN + signed.getKey();
            FileHash found = contents.runFiles().get(name);
            FileHash expected = signed.getValue();
            if (found == null && rejected.contains(name)) {
                continue; // in the zip, and its failure is named already
            } else if (found == null) {
                failures.add(new Failure(name, 0, "file", "present, as signed (it is missing from the bundle)"));
            } else if (!found.equals(expected)) {
                failures.add(new Failure(name, 0, "sha256", describe(expected) + ", as signed (is " + describe(found) + ")"));
            } else {
                bytes += found.size();
            }
        }
        for (String name : contents.unsigned()) {
            failures.add(new Failure(name, 0, "file", "listed in " + BundleLayout.HASHES + " (it was added: nothing signed names it; not unpacked)"));
        }
        if (failures.size() == before && contents.failures().isEmpty()) {
            held.add("run files: all " + Plural.of(tree.run().files().size(), "file") + " match " + BundleLayout.HASHES + " (" + bytes + " bytes)");
        }
    }

    /** The manifest, or {@code null} (a failure, named) when it is missing, does not read or lacks a field the checks read. */
    private Manifest manifest(Path work, BundleContents contents) {
        if (!contents.runFiles().containsKey(MANIFEST)) {
            if (contents.tree() != null && !contents.rejected().contains(MANIFEST)) {
                failures.add(new Failure(MANIFEST, 0, "file", "present (the bundle holds no manifest)"));
            }
            return null;
        }
        Manifest manifest;
        try {
            manifest = RunReport.manifestOf(work);
        } catch (InputException e) {
            failures.add(new Failure(MANIFEST, 0, "json", "a run manifest Assay can read (" + e.getMessage() + ")"));
            return null;
        }
        List<String> missing = RecordedManifest.missing(manifest);
        missing.forEach(field -> failures.add(new Failure(MANIFEST, 0, field, "present, as assay run writes it (it is missing)")));
        return missing.isEmpty() ? manifest : null;
    }

    private void checkSummary(Path work, BundleContents contents, Manifest manifest) {
        if (manifest == null) {
            notChecked.add("the summary: " + MANIFEST + " cannot be read");
            return;
        }
        if (!contents.runFiles().containsKey(SUMMARY) || !contents.runFiles().containsKey(TRIALS)) {
            // A run that crashed has no summary.json; whether a file was removed is the hash check's to say.
            String absent = contents.runFiles().containsKey(SUMMARY) ? TRIALS : SUMMARY;
            notChecked.add("the summary: " + (contents.rejected().contains(absent) ? absent + " did not unpack (its failure is named)"
                    : "the bundle has no " + absent));
            return;
        }
        JsonNode recomputed;
        JsonNode recorded;
        int trials;
        try {
            RunReport report = RunReport.of(work);
            recomputed = JSON.readTree(report.summaryJson());
            trials = recomputed.path("trials").asInt();
        } catch (InputException e) {
            failures.add(new Failure(TRIALS, 0, "trials", "every line a trial Assay can read (" + e.getMessage() + ")"));
            notChecked.add("the summary: trials.jsonl does not read");
            return;
        } catch (IOException e) {
            throw new IllegalStateException("the facade wrote a summary it cannot read back", e);
        }
        try {
            recorded = JSON.readTree(work.resolve("summary.json").toFile());
        } catch (IOException e) {
            failures.add(new Failure(SUMMARY, 0, "json", "readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")"));
            return;
        }
        List<JsonDifferences.Difference> differences = JsonDifferences.of(recomputed, recorded);
        for (JsonDifferences.Difference difference : differences) {
            failures.add(new Failure(SUMMARY, 0, difference.path(), difference.expected()
                    + " as recomputed from trials.jsonl (records " + difference.actual() + ")"));
        }
        if (differences.isEmpty()) {
            held.add("summary: summary.json recomputes exactly from the " + Plural.of(trials, "trial") + " in trials.jsonl");
        }
    }

    private Suite checkSuite(Assay assay, Path directory, Manifest manifest, HashTree tree) {
        if (tree == null || manifest == null) {
            notChecked.add("the suite on disk: " + (tree == null ? BundleLayout.HASHES : "the manifest") + " cannot be read");
            return null;
        }
        int before = failures.size();
        String where = directory.toString();
        Suite loaded = null;
        try {
            loaded = SuiteHashes.load(assay, directory, manifest);
            if (!loaded.contentHash().equals(tree.suite().contentHash())) {
                failures.add(new Failure(where, 0, "content_hash", tree.suite().contentHash() + ", as signed (is "
                        + loaded.contentHash() + ")"));
            }
        } catch (InvalidSuiteException | InputException e) {
            failures.add(new Failure(where, 0, "suite", "loads as the signed suite " + tree.suite().id() + " did ("
                    + e.getMessage().lines().findFirst().orElse("") + ")"));
        }
        SortedMap<String, FileHash> onDisk;
        try {
            onDisk = FileHash.ofDirectory(directory);
        } catch (IOException e) {
            throw new InputException("cannot read suite " + directory + ": " + e, "check its permissions");
        }
        for (Map.Entry<String, FileHash> signed : tree.suite().files().entrySet()) {
            FileHash found = onDisk.get(signed.getKey());
            String file = directory.resolve(signed.getKey()).toString();
            if (found == null) {
                failures.add(new Failure(file, 0, "file", "present, as signed (it is missing)"));
            } else if (!found.equals(signed.getValue())) {
                failures.add(new Failure(file, 0, "sha256", describe(signed.getValue()) + ", as signed (is " + describe(found) + ")"));
            }
        }
        for (String name : onDisk.keySet()) {
            if (!tree.suite().files().containsKey(name)) {
                failures.add(new Failure(directory.resolve(name).toString(), 0, "file",
                        "one of the suite's signed files (it was added)"));
            }
        }
        if (failures.size() == before) {
            held.add("suite: " + directory + " is " + tree.suite().id() + " " + tree.suite().version() + " as it ran: all "
                    + Plural.of(onDisk.size(), "file") + " and its content hash " + tree.suite().contentHash() + " match");
        }
        return loaded;
    }

    /** Each (task, epoch) once; as many as the manifest's tasks × epochs; with a suite, its selected task ids. */
    private void checkTrials(Path work, BundleContents contents, Manifest manifest, Suite suite) throws IOException {
        if (!contents.runFiles().containsKey(TRIALS) || manifest == null) {
            notChecked.add("missing and repeated trials: " + (manifest == null ? "manifest.json" : "trials.jsonl") + " cannot be read");
            return;
        }
        int before = failures.size();
        int epochs = manifest.settings().epochs();
        Map<String, Map<Integer, Integer>> lineOf = new TreeMap<>();
        for (TrialLines.Line line : TrialLines.read(work.resolve("trials.jsonl"))) {
            if (line.problem() != null) {
                failures.add(new Failure(TRIALS, line.line(), "trial", line.problem()));
                continue;
            }
            if (line.epoch() < 0 || line.epoch() >= epochs) {
                failures.add(new Failure(TRIALS, line.line(), "epoch", "0 to " + (epochs - 1) + ", the run's "
                        + epochs + " epochs (is " + line.epoch() + ")"));
                continue;
            }
            Integer first = lineOf.computeIfAbsent(line.task(), task -> new HashMap<>()).putIfAbsent(line.epoch(), line.line());
            if (first != null) {
                failures.add(new Failure(TRIALS, line.line(), "task", "(" + line.task() + ", epoch " + line.epoch()
                        + ") once (it is also on line " + first + ")"));
            }
        }
        Set<String> expectedTasks = expectedTasks(manifest, suite);
        if (expectedTasks != null) {
            lineOf.forEach((task, epochLines) -> {
                if (!expectedTasks.contains(task)) {
                    int line = epochLines.values().stream().min(Comparator.naturalOrder()).orElse(0);
                    failures.add(new Failure(TRIALS, line, "task", "a task the run evaluated (" + task + " is not one of the "
                            + expectedTasks.size() + " the suite and the run's selection give)"));
                }
            });
        }
        Set<String> tasks = expectedTasks != null ? expectedTasks : lineOf.keySet();
        for (String task : tasks) {
            Map<Integer, Integer> epochLines = lineOf.getOrDefault(task, Map.of());
            for (int epoch = 0; epoch < epochs; epoch++) {
                if (!epochLines.containsKey(epoch)) {
                    failures.add(new Failure(TRIALS, 0, "trials", "a trial of (" + task + ", epoch " + epoch + ") (there is none"
                            + unfinished(manifest) + ")"));
                }
            }
        }
        int evaluated = manifest.suite().evaluated();
        if (expectedTasks == null && lineOf.size() != evaluated) {
            failures.add(new Failure(TRIALS, 0, "tasks", evaluated + " tasks, as the manifest records the run evaluated"
                    + " (trials of " + lineOf.size() + " found" + unfinished(manifest) + ")"));
        }
        if (expectedTasks != null && expectedTasks.size() != evaluated) {
            failures.add(new Failure(MANIFEST, 0, "suite", expectedTasks.size() + " tasks evaluated, as the suite and the"
                    + " run's selection give (the manifest records " + evaluated + ")"));
        }
        if (failures.size() == before) {
            int checked = tasks.size();
            held.add("trials: each (task, epoch) once: " + Plural.of(checked, "task") + " × " + Plural.of(epochs, "epoch")
                    + " = " + Plural.of((long) checked * epochs, "trial") + (suite != null ? ", the suite's selected task ids" : ""));
        }
    }

    /**
     * Names the images and plugin jars {@code hashes.json} signs, for a reader to compare with theirs,
     * and checks them against what the run recorded: the images in its trials, the plugins in its manifest.
     */
    private void checkImagesAndPlugins(Path work, BundleContents contents, Manifest manifest, HashTree tree) throws IOException {
        if (tree == null) {
            return;
        }
        List<HashTree.Image> signed = tree.images() == null ? List.of() : tree.images();
        info.add("images: " + (signed.isEmpty() ? "none signed" : describe(signed)));
        info.add("plugins: " + (tree.plugins() == null ? "not recorded (the run's manifest predates plugin records)"
                : tree.plugins().isEmpty() ? "none"
                : String.join(", ", tree.plugins().stream().map(jar -> jar.jar() + " " + jar.sha256()).toList())));
        if (contents.runFiles().containsKey(TRIALS)) {
            List<HashTree.Image> recorded = TrialLines.images(work.resolve("trials.jsonl"));
            if (recorded.equals(signed)) {
                held.add("images: the " + Plural.of(signed.size(), "image") + " " + BundleLayout.HASHES
                        + " signs are those the trials recorded");
            } else {
                failures.add(new Failure(BundleLayout.HASHES, 0, "images", (recorded.isEmpty() ? "no images" : describe(recorded))
                        + ", as the trials in " + TRIALS + " recorded (signs " + (signed.isEmpty() ? "none" : describe(signed)) + ")"));
            }
        } else {
            notChecked.add("images: the bundle has no readable " + TRIALS + " to compare them with");
        }
        if (manifest == null) {
            notChecked.add("plugins: " + MANIFEST + " cannot be read to compare them with");
        } else if (Objects.equals(manifest.plugins(), tree.plugins())) {
            held.add("plugins: the plugin jars " + BundleLayout.HASHES + " signs are those the manifest recorded");
        } else {
            failures.add(new Failure(BundleLayout.HASHES, 0, "plugins", manifest.plugins() + ", as " + MANIFEST
                    + " records (signs " + tree.plugins() + ")"));
        }
    }

    private static String describe(List<HashTree.Image> images) {
        return String.join(", ", images.stream().map(image -> image.tag() + " " + image.id()).toList());
    }

    /** The task ids the run should have trials of: the suite's, through the run's recorded selection; {@code null} without a suite. */
    private Set<String> expectedTasks(Manifest manifest, Suite suite) {
        if (suite == null) {
            return null;
        }
        TaskSelection selection = manifest.settings().selection() != null ? manifest.settings().selection() : TaskSelection.ALL;
        try {
            Set<String> ids = new LinkedHashSet<>();
            selection.applyTo(suite, manifest.settings().seed()).tasks().stream().map(Task::id).forEach(ids::add);
            return ids;
        } catch (InputException e) {
            failures.add(new Failure(MANIFEST, 0, "settings.selection", "a selection the suite satisfies (" + e.getMessage() + ")"));
            return null;
        }
    }

    /** Why trials may be missing without anyone removing them: the run did not finish. */
    private static String unfinished(Manifest manifest) {
        return Manifest.COMPLETED.equals(manifest.status()) ? "" : "; the manifest's status is " + manifest.status();
    }

    private static String describe(FileHash hash) {
        return hash.sha256() + ", " + hash.size() + " bytes";
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException leftover) {
            // A temporary folder left behind; the verification itself is complete.
        }
    }
}

package io.assay.trust.holdout;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.spi.InvalidSuiteException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;

/**
 * Whether a split's private part is exactly the one {@code commitment.json} committed to: each task
 * named in the private salts file is recomputed from the part as it lies on disk and its commitment
 * looked up among the published ones; each other file of the part (the suite file, the task file,
 * the files the suite file names) is recomputed and compared with its commitment by path; and the
 * part, loaded as a suite, has the content hash the salts file records, which is how
 * {@code --holdout} recognises a run on it.
 *
 * <pre>{@code
 * HoldoutVerification check = HoldoutVerification.of(assay, Path.of("split"));
 * check.failures(); // empty when the private part is the committed one
 * }</pre>
 *
 * @param committed how many task commitments {@code commitment.json} lists
 * @param matched how many private tasks match one
 * @param files the private part's other files {@code commitment.json} commits to, by path
 * @param contentHash the private part's content hash as loaded, {@code null} when it no longer loads
 * @param failures each task, then each other file, that changed, was added or is missing, then a
 *     content hash that differs from the recorded one
 */
public record HoldoutVerification(Path directory, int committed, int matched, List<String> files, String contentHash,
                                  List<Failure> failures) {

    /**
     * What is wrong with one task ({@code file} is then {@code null}), one other file of the part
     * ({@code id} is then {@code null}), or the part as a whole (both {@code null}).
     *
     * @param file the file's path in the private part, with {@code /}
     */
    public record Failure(Kind kind, String id, String file, String detail) {

        static Failure task(Kind kind, String id, String detail) {
            return new Failure(kind, id, null, detail);
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + (id == null ? "" : ": task '" + id + "'")
                    + (file == null ? "" : ": file '" + file + "'") + ": " + detail;
        }
    }

    public enum Kind { CHANGED, ADDED, MISSING, UNMATCHED }

    /** Checks the split in {@code directory}, loading its private part with {@code assay}. */
    public static HoldoutVerification of(Assay assay, Path directory) throws IOException {
        Commitment commitment = Commitment.read(directory.resolve(Commitment.FILE));
        Path privatePart = directory.resolve(HoldoutSplit.PRIVATE);
        PrivateSalts salts = PrivateSalts.read(privatePart.resolve(PrivateSalts.FILE));
        SuiteTasks tasks = SuiteTasks.read(privatePart);
        Set<String> published = new HashSet<>(commitment.commitments());
        Set<String> salted = new HashSet<>();
        List<Failure> failures = new ArrayList<>();
        int matched = 0;
        for (PrivateSalts.Salt salt : salts.salts()) {
            salted.add(salt.id());
            if (!tasks.ids().contains(salt.id())) {
                failures.add(Failure.task(Kind.MISSING, salt.id(), "committed, and no longer in " + privatePart));
            } else if (published.remove(Commitment.of(salt.salt(), tasks, salt.id()))) {
                matched++;
            } else {
                failures.add(Failure.task(Kind.CHANGED, salt.id(), "its bytes no longer match its commitment"));
            }
        }
        for (String id : tasks.ids()) {
            if (!salted.contains(id)) {
                failures.add(Failure.task(Kind.ADDED, id, "in " + privatePart + " but not committed to"));
            }
        }
        // A changed or missing task accounts for one commitment each; any other left over lost its salt.
        int unaccounted = commitment.commitments().size() - matched - (failures.size() - added(failures));
        if (unaccounted > 0) {
            failures.add(new Failure(Kind.UNMATCHED, null, null, unaccounted + " of the commitments in " + Commitment.FILE
                    + " belong to no task named in " + PrivateSalts.FILE));
        }
        failures.addAll(files(commitment, PartFiles.commitments(salts.filesSalt(), privatePart, tasks)));
        String contentHash;
        try {
            contentHash = assay.loadSuite(privatePart, null).contentHash();
            if (!contentHash.equals(salts.contentHash())) {
                failures.add(new Failure(Kind.CHANGED, null, null, "the private part loads with content hash "
                        + contentHash + " but " + PrivateSalts.FILE + " records " + salts.contentHash()
                        + ", which --holdout recognises runs on the private part by"));
            }
        } catch (InvalidSuiteException | InputException e) {
            contentHash = null;
            failures.add(new Failure(Kind.CHANGED, null, null, "the private part no longer loads as a suite: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
        return new HoldoutVerification(directory, commitment.commitments().size(), matched,
                List.copyOf(commitment.files().keySet()), contentHash, List.copyOf(failures));
    }

    /** Each file of the part other than a task's whose commitment differs, that is not committed to, or that is gone. */
    private static List<Failure> files(Commitment commitment, SortedMap<String, String> found) {
        List<Failure> failures = new ArrayList<>();
        commitment.files().forEach((file, committed) -> {
            if (!found.containsKey(file)) {
                failures.add(new Failure(Kind.MISSING, null, file, "committed, and no longer in the private part"));
            } else if (!found.get(file).equals(committed)) {
                failures.add(new Failure(Kind.CHANGED, null, file, "its bytes no longer match its commitment"));
            }
        });
        found.keySet().stream().filter(file -> !commitment.files().containsKey(file)).forEach(file ->
                failures.add(new Failure(Kind.ADDED, null, file, "in the private part but not committed to")));
        return failures;
    }

    private static int added(List<Failure> failures) {
        return (int) failures.stream().filter(failure -> failure.kind() == Kind.ADDED).count();
    }

    public boolean holds() {
        return failures.isEmpty();
    }
}

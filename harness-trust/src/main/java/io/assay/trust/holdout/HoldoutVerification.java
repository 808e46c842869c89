package io.assay.trust.holdout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a split's private part holds exactly the tasks {@code commitment.json} committed to:
 * each task named in the private salts file is recomputed from the part as it lies on disk and its
 * commitment looked up among the published ones.
 *
 * <pre>{@code
 * HoldoutVerification check = HoldoutVerification.of(Path.of("split"));
 * check.failures(); // empty when every private task is the committed one
 * }</pre>
 *
 * @param committed how many commitments {@code commitment.json} lists
 * @param matched how many private tasks match one
 * @param failures each task that changed, was added or is missing, in the part's order
 */
public record HoldoutVerification(Path directory, int committed, int matched, List<Failure> failures) {

    /** What is wrong with one task, or with the commitments as a whole ({@code id} is then {@code null}). */
    public record Failure(Kind kind, String id, String detail) {

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + (id == null ? "" : ": task '" + id + "'") + ": " + detail;
        }
    }

    public enum Kind { CHANGED, ADDED, MISSING, UNMATCHED }

    /** Checks the split in {@code directory}. */
    public static HoldoutVerification of(Path directory) throws IOException {
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
                failures.add(new Failure(Kind.MISSING, salt.id(), "committed, and no longer in " + privatePart));
            } else if (published.remove(Commitment.of(salt.salt(), tasks, salt.id()))) {
                matched++;
            } else {
                failures.add(new Failure(Kind.CHANGED, salt.id(), "its bytes no longer match its commitment"));
            }
        }
        for (String id : tasks.ids()) {
            if (!salted.contains(id)) {
                failures.add(new Failure(Kind.ADDED, id, "in " + privatePart + " but not committed to"));
            }
        }
        // A changed or missing task accounts for one commitment each; any other left over lost its salt.
        int unaccounted = commitment.commitments().size() - matched - (failures.size() - added(failures));
        if (unaccounted > 0) {
            failures.add(new Failure(Kind.UNMATCHED, null, unaccounted + " of the commitments in " + Commitment.FILE
                    + " belong to no task named in " + PrivateSalts.FILE));
        }
        return new HoldoutVerification(directory, commitment.commitments().size(), matched, List.copyOf(failures));
    }

    private static int added(List<Failure> failures) {
        return (int) failures.stream().filter(failure -> failure.kind() == Kind.ADDED).count();
    }

    public boolean holds() {
        return failures.isEmpty();
    }
}

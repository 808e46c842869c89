package io.assay.trust.holdout;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A suite cut in two: {@code public/}, a suite to publish, {@code private/}, a suite the benchmark
 * owner keeps (with its salts, {@code private/holdout-salts.json}), and {@code commitment.json},
 * which commits to the private tasks without revealing them. Which tasks are held out depends only
 * on the seed and the task count; the salts are drawn fresh from {@link SecureRandom}.
 *
 * <pre>{@code
 * HoldoutSplit split = HoldoutSplit.write(assay, Path.of("examples/arithmetic"), 0.3, 7, Path.of("split"));
 * split.privateTasks(); // 6 of the 20
 * }</pre>
 *
 * @param suite the suite as {@code id@version}
 * @param format {@code declarative} or {@code harbor}
 * @param publicContentHash the public part's content hash
 * @param privateContentHash the private part's, which stays with it
 */
public record HoldoutSplit(Path directory, String suite, String format, int publicTasks, int privateTasks,
                           String publicContentHash, String privateContentHash) {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";
    /** The private part's secret salts file. */
    public static final String SALTS_FILE = "holdout-salts.json";
    private static final int SALT_BYTES = 32;

    /**
     * Splits the suite in {@code suiteDirectory} into {@code out}, which must not exist or be empty.
     *
     * @param fraction the share of tasks held out, in (0, 1), rounded to a whole number of tasks that
     *     leaves at least one in each part
     * @throws InputException for a fraction out of range, an unsupported suite or a used directory
     */
    public static HoldoutSplit write(Assay assay, Path suiteDirectory, double fraction, long seed, Path out)
            throws IOException {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InputException("--fraction " + fraction + ": expected the share of tasks to hold out, between 0"
                    + " and 1", "for example --fraction 0.3");
        }
        requireEmpty(out);
        SuiteTasks tasks = SuiteTasks.read(suiteDirectory);
        Suite suite = assay.loadSuite(suiteDirectory, null);
        List<String> loaded = suite.tasks().stream().map(Task::id).toList();
        if (!new HashSet<>(loaded).equals(new HashSet<>(tasks.ids()))) {
            throw new InputException(suiteDirectory + ": the suite loads " + loaded.size() + " tasks but its "
                    + tasks.format() + " files hold " + tasks.ids().size(), SuiteTasks.SUPPORTED);
        }
        Set<String> held = heldOut(tasks.ids(), fraction, seed);
        List<String> kept = tasks.ids().stream().filter(id -> !held.contains(id)).toList();
        // Written beside --out and moved there whole: a split that fails half-way leaves nothing behind
        // that a second attempt would have to clear, and never a commitment without its salts.
        Path parent = out.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".holdout-");
        PartHashes hashes;
        try {
            hashes = writeParts(assay, suite, tasks, fraction, seed, kept, held, staging);
            Files.deleteIfExists(out);
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Tree.delete(staging);
            throw e;
        }
        return new HoldoutSplit(out, suite.id() + "@" + suite.version(), tasks.format(), kept.size(), held.size(),
                hashes.publicHash(), hashes.privateHash());
    }

    private record PartHashes(String publicHash, String privateHash) {
    }

    /** Writes both parts, the private salts and the commitment into {@code out}. */
    private static PartHashes writeParts(Assay assay, Suite suite, SuiteTasks tasks, double fraction, long seed,
                                       List<String> kept, Set<String> held, Path out) throws IOException {
        Path publicPart = out.resolve(PUBLIC);
        Path privatePart = out.resolve(PRIVATE);
        tasks.write(publicPart, kept);
        tasks.write(privatePart, held);

        SuiteTasks hidden = SuiteTasks.read(privatePart);
        SecureRandom random = new SecureRandom();
        List<PrivateSalts.Salt> salts = new ArrayList<>();
        List<String> commitments = new ArrayList<>();
        for (String id : hidden.ids()) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            salts.add(new PrivateSalts.Salt(id, salt));
            commitments.add(Commitment.of(salt, hidden, id));
        }
        byte[] filesSalt = new byte[SALT_BYTES];
        random.nextBytes(filesSalt);
        SortedMap<String, String> files = PartFiles.commitments(filesSalt, privatePart, hidden);
        String publicHash = assay.loadSuite(publicPart, null).contentHash();
        String privateHash = assay.loadSuite(privatePart, null).contentHash();
        new PrivateSalts(privateHash, salts, filesSalt).write(privatePart.resolve(PrivateSalts.FILE));
        Collections.sort(commitments);
        new Commitment(suite.id(), suite.version(), tasks.format(), fraction, seed, tasks.ids().size(), kept.size(),
                publicHash, List.copyOf(commitments), files).write(out.resolve(Commitment.FILE));
        // The private part still loads with its salts file in it: loaders read only their own files.
        assay.loadSuite(privatePart, null);
        return new PartHashes(publicHash, privateHash);
    }

    /**
     * The ids held out: the first {@code round(fraction × n)} of the positions shuffled by
     * {@link Collections#shuffle(List, Random)} with {@code new Random(seed)}, whose algorithms the
     * JDK specifies, so a seed gives the same split on any Java runtime.
     */
    static Set<String> heldOut(List<String> ids, double fraction, long seed) {
        int count = (int) Math.round(fraction * ids.size());
        if (count < 1 || count > ids.size() - 1) {
            throw new InputException("--fraction " + fraction + " holds out " + count + " of " + ids.size()
                    + " tasks, leaving a part empty", "each part needs at least one task; with " + ids.size()
                    + " tasks, choose a fraction from " + String.format(Locale.ROOT, "%.3f to below %.3f",
                    0.5 / ids.size(), (ids.size() - 0.5) / ids.size()));
        }
        List<Integer> positions = new ArrayList<>(IntStream.range(0, ids.size()).boxed().toList());
        Collections.shuffle(positions, new Random(seed));
        Set<String> held = new HashSet<>();
        positions.subList(0, count).forEach(position -> held.add(ids.get(position)));
        return held;
    }

    private static void requireEmpty(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> children = Files.list(out)) {
                if (children.findAny().isEmpty()) {
                    return;
                }
            }
        }
        if (Files.exists(out)) {
            throw new InputException("--out " + out + ": already exists and is not an empty directory",
                    "give a new directory; a split never overwrites one");
        }
    }
}

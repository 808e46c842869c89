package io.assay.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The SHA-256s of plugin jars hashed by earlier commands, kept in the user's cache directory
 * ({@code $XDG_CACHE_HOME/assay/plugin-jars.tsv}, else {@code ~/.cache/assay/plugin-jars.tsv}), so
 * that a command does not read the 44 MB of the bundled plugins' jars again every time it starts: a
 * quarter of a second of a one-task run in a cold JVM (docs/performance.md, "Cold command line").
 *
 * <p>A remembered digest is used only while the jar's file status is exactly what it was when its
 * bytes were hashed: device, inode, size, modification time and status-change time. Every write,
 * truncation, replacement or rename into place moves the status-change time, which no unprivileged
 * process can set back; git's index trusts the same fields. That holds on local POSIX file
 * systems only (network file systems answer {@code stat} from a cache, and FAT, CIFS or sshfs let
 * a client set the status-change time), so jars elsewhere are always hashed. A jar whose times are
 * less than {@code settled} old when hashed could still change within the file system's clock tick
 * unseen, so its digest is not kept. A cache file another user owns, or others may write, is not
 * read. Where any of this cannot be told, or the cache cannot be read or written, every jar is
 * hashed as before: the cache only ever saves work, it never decides a digest on its own.
 *
 * <p>A process running as the user could write a false line into the cache; it could as well
 * replace the plugin, whose code runs inside the command and writes the manifest. The digests record
 * what the user's own account ran (docs/trust.md).
 */
final class PluginJarDigests {
    private static final Duration SETTLED = Duration.ofSeconds(2);
    /** File systems whose status-change time moves with every change and is answered by the kernel itself. */
    private static final Set<String> LOCAL_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs",
            "tmpfs", "overlay", "apfs");
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})\t(-?\\d+)\t(-?\\d+)\t(\\d+)\t(-?\\d+)\t(-?\\d+)\t([^\\p{Cntrl}]+)");

    private final Path file;
    private final Duration settled;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private volatile boolean changed;

    /** @param file where the digests are kept, or {@code null} to keep none */
    PluginJarDigests(Path file, Duration settled) {
        this.file = file;
        this.settled = settled;
        if (file != null) {
            read(file);
        }
    }

    /** The digests kept in the user's cache directory. */
    static PluginJarDigests ofUser() {
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        // The XDG base directory spec says to ignore a relative XDG_CACHE_HOME.
        Path directory = cacheHome != null && !cacheHome.isBlank() && Path.of(cacheHome).isAbsolute() ? Path.of(cacheHome)
                : home == null || home.isBlank() ? null : Path.of(home, ".cache");
        return new PluginJarDigests(directory == null ? null : directory.resolve("assay").resolve("plugin-jars.tsv"), SETTLED);
    }

    /** {@code jar}'s record: its remembered digest while its file status is unchanged, else its bytes hashed now. */
    Manifest.PluginJar digest(Path jar) {
        Path absolute = jar.toAbsolutePath();
        Optional<Status> before = Status.of(absolute);
        Remembered known = remembered.get(absolute.toString());
        if (known != null && before.isPresent() && known.status().equals(before.get())) {
            return new Manifest.PluginJar(absolute.toString(), known.sha256());
        }
        Manifest.PluginJar hashed = Manifest.PluginJar.of(absolute);
        Optional<Status> after = Status.of(absolute);
        if (before.isPresent() && before.equals(after) && before.get().settled(Instant.now(), settled)
                && absolute.toString().chars().noneMatch(Character::isISOControl)) {
            remembered.put(absolute.toString(), new Remembered(before.get(), hashed.sha256()));
            changed = true;
        }
        return hashed;
    }

    /**
     * Writes the digests learnt since reading, replacing the file in one step so that another command
     * reading it at the same time sees the old or the new one, never a mix. A failure keeps nothing,
     * which costs the next command a hash, not a wrong digest.
     */
    void save() {
        if (file == null || !changed) {
            return;
        }
        StringBuilder text = new StringBuilder();
        // Jars gone since (a plugin directory removed, a build cleaned) are forgotten.
        remembered.forEach((path, entry) -> {
            if (Files.exists(Path.of(path))) {
                text.append(entry.line(path)).append('\n');
            }
        });
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            changed = false;
        } catch (IOException | UnsupportedOperationException e) {
            // Nothing kept: the next command hashes again (see above).
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void read(Path from) {
        try {
            if (!Files.exists(from) || !ownOnly(from)) {
                return;
            }
            for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
                var match = LINE.matcher(line);
                if (match.matches()) {
                    remembered.put(match.group(7), new Remembered(new Status(Long.parseLong(match.group(2)),
                            Long.parseLong(match.group(3)), Long.parseLong(match.group(4)), Long.parseLong(match.group(5)),
                            Long.parseLong(match.group(6))), match.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No cache, or one this version cannot read: every jar is hashed, and the file rewritten.
            remembered.clear();
        }
    }

    /** Whether {@code file} is this user's and no one else may write it. */
    private static boolean ownOnly(Path file) throws IOException {
        try {
            UserPrincipal me = file.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return Files.getOwner(file).equals(me) && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | UserPrincipalNotFoundException e) {
            return false;
        }
    }

    /** What a jar's digest was, and the file status it was hashed at. */
    private record Remembered(Status status, String sha256) {
        String line(String path) {
            return sha256 + "\t" + status.device() + "\t" + status.inode() + "\t" + status.size() + "\t"
                    + status.modifiedNanos() + "\t" + status.changedNanos() + "\t" + path;
        }
    }

    /** The fields of a file's status that any change to its content moves. */
    private record Status(long device, long inode, long size, long modifiedNanos, long changedNanos) {

        static Optional<Status> of(Path file) {
            try {
                if (!LOCAL_FILE_SYSTEMS.contains(Files.getFileStore(file).type())) {
                    return Optional.empty();
                }
                Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
                return Optional.of(new Status((Long) unix.get("dev"), (Long) unix.get("ino"), (Long) unix.get("size"),
                        nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime"))));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
                return Optional.empty(); // not a Unix file system, or the jar is gone: hash, keep nothing
            }
        }

        private static long nanos(Object time) {
            return ((FileTime) time).to(TimeUnit.NANOSECONDS);
        }

        boolean settled(Instant now, Duration margin) {
            long newest = Math.max(modifiedNanos, changedNanos);
            return Duration.between(Instant.EPOCH.plusNanos(newest), now).compareTo(margin) >= 0;
        }
    }
}

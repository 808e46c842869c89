package io.assay.core.run;

import io.assay.core.results.SummaryCalculator;
import io.assay.core.results.SummaryState;
import io.assay.launcher.Shard;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A finished shard's summary of its own trials, {@code shards/I-of-N.tally}, so the shard that
 * combines the run adds four small files' figures instead of reading 100,000 trials again. It is a
 * cache of the shard's trial file and says which file it summarises: its first line holds the
 * file's length and CRC32C when the tally was written, and the CRC32C of the rest, which is
 * {@link SummaryState}. A tally whose file has changed since, that was changed itself, or that does
 * not read, is not used; the combination then reads that shard's trials, as it would without one.
 *
 * <pre>{@code
 * {"bytes": 14068823, "crc32c": 1826419811, "tally_crc32c": 2210873042}
 * {"trials": 25209, "errors": 0, "outcomes": {"completed": 25209}, ...}
 * }</pre>
 */
final class ShardTally {
    private ShardTally() {
    }

    /** Where {@code shard} of the run in {@code run} leaves its tally. */
    static Path file(Path run, Shard shard) {
        return run.resolve(RunDirectory.SHARDS).resolve(shard.name() + ".tally");
    }

    /**
     * Writes the tally of {@code shard}, whose trial file holds every trial {@code summary} folded
     * and nothing else. Call once the shard's last trial is written, before its done marker. A
     * tally that cannot be written (a full disk) is no reason to fail the shard: it is a cache, and
     * without it the combination reads the shard's trials.
     */
    static void write(Path run, Shard shard, SummaryCalculator summary) {
        Path file = file(run, shard);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(file); // a tally of this shard's file as it was before is no longer its tally
            ByteArrayOutputStream tally = new ByteArrayOutputStream(1 << 16);
            SummaryState.write(summary, tally);
            String header = header(Fingerprint.of(RunDirectory.shardFile(run, shard)), crc32c(tally.toByteArray()));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(header.getBytes(StandardCharsets.UTF_8));
                tally.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException cannotWrite) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the combination ignores a .tmp
            }
        }
    }

    /**
     * The tally of {@code shard}, when it has one that reads and its trial file is as the tally
     * says: the same length and CRC32C.
     */
    static Optional<Part> read(Path run, Shard shard) throws IOException {
        Path file = file(run, shard);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            String header = firstLine(in);
            byte[] tally = in.readAllBytes();
            Fingerprint now = Fingerprint.of(RunDirectory.shardFile(run, shard));
            if (!header.equals(header(now, crc32c(tally)).strip())) {
                return Optional.empty();
            }
            return Optional.of(new Part(SummaryState.read(new ByteArrayInputStream(tally)), now.bytes()));
        } catch (NoSuchFileException | IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException unusable) {
            return Optional.empty();
        }
    }

    private static String header(Fingerprint trials, long tallyCrc32c) {
        return "{\"bytes\": " + trials.bytes() + ", \"crc32c\": " + trials.crc32c() + ", \"tally_crc32c\": " + tallyCrc32c + "}\n";
    }

    private static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** A shard's tally: its trials' figures, and how many bytes of its trial file they summarise. */
    record Part(SummaryCalculator summary, long bytes) {
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0 || line.length() > 200) {
                throw new IllegalArgumentException("no header line");
            }
            line.append((char) next);
        }
        return line.toString();
    }

    /** A trial file's length and CRC32C: what a tally summarises. A missing file is an empty one. */
    private record Fingerprint(long bytes, long crc32c) {
        static Fingerprint of(Path file) throws IOException {
            CRC32C crc = new CRC32C();
            long bytes = 0;
            try (FileChannel channel = FileChannel.open(file)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                for (int read = channel.read(buffer); read >= 0; read = channel.read(buffer)) {
                    buffer.flip();
                    bytes += buffer.remaining();
                    crc.update(buffer);
                    buffer.clear();
                }
            } catch (NoSuchFileException none) {
                // a shard with no trials may have no file
            }
            return new Fingerprint(bytes, crc.getValue());
        }
    }
}

package io.assay.launcher;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} parts of a run ({@code assay run ... --shard INDEX/COUNT}). Which shard a
 * trial belongs to depends on its task id, its epoch and {@code count} alone: the first 8 bytes of
 * SHA-256(task, NUL, epoch), unsigned, modulo {@code count}. So every process computes the same
 * split without talking to the others, in any order, and the {@code count} shards of a run cover
 * each trial exactly once.
 *
 * <pre>{@code
 * Shard shard = Shard.parse("1/3");
 * boolean mine = shard.owns("add-7", 0);
 * String file = shard.name();            // "1-of-3": shards/1-of-3.jsonl holds its trials
 * }</pre>
 *
 * @param index which part, from 0
 * @param count how many parts the run is split into, at least 1
 */
public record Shard(int index, int count) {
    /** A digest per thread: looking one up costs more than hashing a short key, and a shard hashes every trial's. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new InputException("--shard must be I/N with 0 <= I < N, got " + index + "/" + count,
                    "for example --shard 0/4 runs the first of 4 shards");
        }
    }

    /**
     * The shard {@code text} names, {@code I/N}.
     *
     * @throws InputException when it is not two integers with 0 <= I < N
     */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 2) {
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException notANumber) {
                // reported below, with the text as given
            }
        }
        throw new InputException("--shard must be I/N with 0 <= I < N, got '" + text + "'",
                "for example --shard 0/4 runs the first of 4 shards");
    }

    /** Which of {@code count} shards the trial of {@code task} in {@code epoch} belongs to. */
    public static int of(String task, int epoch, int count) {
        MessageDigest sha = SHA_256.get();
        sha.update(task.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(epoch).getBytes(StandardCharsets.US_ASCII));
        return (int) Long.remainderUnsigned(ByteBuffer.wrap(sha.digest()).getLong(), count);
    }

    /** Whether the trial of {@code task} in {@code epoch} is this shard's to run. */
    public boolean owns(String task, int epoch) {
        return count == 1 || of(task, epoch, count) == index;
    }

    /** {@code I-of-N}: the stem of this shard's files in the run's {@code shards/} folder. */
    public String name() {
        return index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

package io.assay.core.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives each trial's seed from the suite, task, epoch and the run's base seed, so the same
 * trial gets the same seed in every run, on every machine, in any scheduling order.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long trialSeed(long baseSeed, String suite, String task, int epoch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(baseSeed).putInt(epoch).array());
            // Length prefixes keep ("ab","c") and ("a","bc") apart.
            for (String part : new String[] {suite, task}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package io.assay.core.audit.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.assay.core.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Comparing domain states: whether two are the same, and a short fingerprint to tell replays apart
 * in a finding (SHA-256 over JSON with sorted keys).
 */
final class StateHash {
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private StateHash() {
    }

    static String of(Map<String, Object> state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(state));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON-shaped state always serialises", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Whether two JSON-shaped states are the same, numbers by value. Shared parts (a tool domain's
     * records untouched by a trial) are the same object and compare at once, so comparing two
     * megabyte states costs what differs, where hashing them would read both whole.
     */
    static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                if (!right.containsKey(entry.getKey()) || !same(entry.getValue(), right.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> left && b instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!same(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number left && b instanceof Number right) {
            return new BigDecimal(left.toString()).compareTo(new BigDecimal(right.toString())) == 0;
        }
        return a != null && a.equals(b);
    }
}

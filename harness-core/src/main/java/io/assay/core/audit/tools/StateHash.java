package io.assay.core.audit.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.assay.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** A short fingerprint of a domain state, to tell replays apart: SHA-256 over JSON with sorted keys. */
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
}

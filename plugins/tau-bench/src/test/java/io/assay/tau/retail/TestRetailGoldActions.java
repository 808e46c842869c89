package io.assay.tau.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.spi.ToolResult;
import io.assay.tau.TauVersion;
import io.assay.testkit.Benchmarks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every gold action of tau2's retail tasks, replayed in order on a fresh copy through the toolkit,
 * against what upstream's own tools give for the same replay.
 *
 * <p>{@code tau2-gold-replay.json} was made with tau2-bench at the published data's commit
 * ({@code a2c02472}): {@code RetailTools} on {@code db.json}, each task's gold actions called in
 * order, an error skipped as tau2's evaluator skips it; per task it holds the database hash
 * ({@code get_dict_hash(db.model_dump())}) after the last action and, per action, the SHA-256 of
 * the result ({@code json.dumps(model_dump, sort_keys=True)} for a model, the text for a string,
 * {@code "error: " + message} for an error); {@code initial} is the hash of the untouched database.
 */
class TestRetailGoldActions {
    /** Upstream's gold lists call some tools in ways that fail under upstream's tools; tau2's evaluator logs and skips them. */
    private static final List<String> FAILING_UPSTREAM = List.of(
            "2#1 get_product_details: Product not found",
            "3#1 get_product_details: Product not found",
            "4#1 get_product_details: Product not found",
            "35#0 find_user_id_by_email: User not found",
            "37#0 find_user_id_by_email: User not found",
            "38#0 find_user_id_by_email: User not found",
            "39#0 find_user_id_by_name_zip: User not found",
            "46#1 get_order_details: Order not found",
            "46#2 get_order_details: Order not found",
            "47#1 get_order_details: Order not found",
            "47#2 get_order_details: Order not found",
            "54#0 find_user_id_by_email: User not found",
            "55#0 find_user_id_by_email: User not found",
            "64#6 exchange_delivered_order_items: Non-delivered order cannot be exchanged",
            "67#0 find_user_id_by_name_zip: User not found",
            "67#1 find_user_id_by_name_zip: User not found",
            "68#0 find_user_id_by_name_zip: User not found",
            "105#0 exchange_delivered_order_items: Insufficient gift card balance to pay for the price difference");
    private static final List<String> failures = new ArrayList<>();
    private static final Map<String, List<String>> resultDigests = new LinkedHashMap<>();
    private static final Map<String, String> stateHashes = new LinkedHashMap<>();
    private static JsonNode upstream;
    private static int replayed;

    @BeforeAll
    static void replayEveryTask() {
        upstream = upstreamReplay();
        JsonNode tasks = RetailFixture.read(Benchmarks.folder("tau-bench/tau2/retail/tasks.json"));
        RetailDomain domain = RetailFixture.domain(TauVersion.TAU2);
        for (JsonNode task : tasks) {
            String id = task.path("id").asText();
            RetailFixture.Trial trial = RetailFixture.trial(domain);
            JsonNode actions = task.path("evaluation_criteria").path("actions");
            List<String> digests = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                String name = actions.get(i).path("name").asText();
                Map<String, Object> arguments = RetailFixture.MAPPER.convertValue(actions.get(i).path("arguments"),
                        new TypeReference<>() { });
                ToolResult result = trial.call(name, arguments);
                replayed++;
                if (result.error()) {
                    failures.add(id + "#" + i + " " + name + ": " + result.content());
                }
                digests.add(digest(result));
            }
            resultDigests.put(id, digests);
            stateHashes.put(id, PythonStateHash.of(trial.state()));
        }
    }

    @Test
    void everyGoldActionReplaysExceptTheOnesThatFailUpstreamToo() {
        assertThat(stateHashes).hasSize(114);
        assertThat(replayed).isEqualTo(550);
        assertThat(failures).containsExactlyElementsOf(FAILING_UPSTREAM);
    }

    @Test
    void everyResultIsTheJsonOfWhatUpstreamReturns() {
        upstream.path("tasks").properties().forEach(task -> assertThat(resultDigests.get(task.getKey()))
                .as("results of task %s", task.getKey())
                .containsExactlyElementsOf(RetailFixture.MAPPER.convertValue(task.getValue().path("results"),
                        new TypeReference<List<String>>() { })));
    }

    @Test
    void theStateAfterEachTasksGoldActionsHashesAsUpstreamsDatabase() {
        upstream.path("tasks").properties().forEach(task -> assertThat(stateHashes.get(task.getKey()))
                .as("state hash after task %s", task.getKey())
                .isEqualTo(task.getValue().path("state").asText()));
    }

    @Test
    void theInitialStateIsTau2sDatabaseAsItsModelsDumpIt() {
        assertThat(PythonStateHash.of(RetailFixture.domain(TauVersion.TAU2).initialState()))
                .isEqualTo(upstream.path("initial").asText());
    }

    /** As the upstream digests were made: a JSON object as Python dumps it with sorted keys, text as itself. */
    private static String digest(ToolResult result) {
        String text;
        if (result.error()) {
            text = "error: " + result.content();
        } else if (result.content().startsWith("{")) {
            try {
                text = PythonStateHash.dumps(RetailFixture.MAPPER.readTree(result.content()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            text = result.content();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static JsonNode upstreamReplay() {
        try (InputStream in = TestRetailGoldActions.class.getResourceAsStream("tau2-gold-replay.json")) {
            return RetailFixture.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.assay.trust.replicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.rank.RunTasks;

/**
 * A verdict as JSON, the form {@code assay replicate --format json} prints: {@code claimed},
 * {@code replicated}, {@code ci95}, {@code p_value}, {@code consistent} ({@code null} when inconclusive),
 * {@code verdict} ({@code consistent}, {@code inconsistent} or {@code inconclusive}), {@code tasks}
 * ({@code id, claimed, replicated, agree}), and what a verifier needs to check them: the smallest
 * p-value any outcome of the sample could give and the fewest tasks that could decide, the claimed
 * run and its source, the replication's directory, agent and model, the sample (size, seed, tasks),
 * the test, alpha and the smallest difference the sample could detect, the tasks left out, those whose claimed epochs varied, and the model identity
 * differences. Figures that cannot be computed are {@code null}, never 0.
 */
public final class ReplicationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplicationJson() {
    }

    /** The verdict as a JSON tree. */
    public static ObjectNode tree(ReplicationVerdict verdict) {
        Replication replication = verdict.replication();
        RunTasks claim = replication.claim().run();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("claimed", verdict.claimed().mean());
        root.put("replicated", verdict.replicated().mean());
        root.set("ci95", MAPPER.valueToTree(verdict.replicated().ci95()));
        root.put("p_value", verdict.pValue());
        // null when inconclusive: the sample could not have found the claim inconsistent, which is not "consistent".
        root.put("consistent", switch (verdict.outcome()) {
            case CONSISTENT -> Boolean.TRUE;
            case INCONSISTENT -> Boolean.FALSE;
            case INCONCLUSIVE -> null;
        });
        root.put("verdict", verdict.outcome().label());
        root.put("most_extreme_p_value", verdict.mostExtremePValue());
        root.put("decisive_sample", verdict.decisiveSample());
        root.put("test", verdict.test().id());
        root.put("alpha", verdict.replication().alpha());
        root.put("minimum_detectable_difference", verdict.minimumDetectable());
        root.put("claimed_run", replication.claim().runId());
        root.put("claim", replication.claim().source().toString());
        root.put("claimed_run_score", claim.summary().score().mean());
        root.put("replication", verdict.directory().toString());
        root.put("suite", claim.suiteLabel());
        root.put("agent", replication.settings().agent());
        root.put("model", replication.settings().agentOptions().values().get("model") instanceof String model ? model : null);
        ObjectNode sample = root.putObject("sample");
        sample.put("size", replication.sample().tasks().size());
        sample.put("seed", replication.sample().seed());
        sample.set("tasks", MAPPER.valueToTree(replication.sample().tasks()));
        ArrayNode tasks = root.putArray("tasks");
        for (ReplicationVerdict.TaskAgreement task : verdict.tasks()) {
            ObjectNode row = tasks.addObject();
            row.put("id", task.task());
            row.put("claimed", task.claimed());
            row.put("replicated", task.replicated());
            row.put("agree", task.agree());
        }
        root.set("disagree", MAPPER.valueToTree(verdict.disagreeing()));
        root.set("not_scored", MAPPER.valueToTree(verdict.notScored()));
        root.set("varying_epochs", MAPPER.valueToTree(verdict.varyingEpochs()));
        root.set("identity", MAPPER.valueToTree(verdict.identity()));
        return root;
    }

    /** The verdict as indented JSON text. */
    public static String text(ReplicationVerdict verdict) {
        return tree(verdict).toPrettyString();
    }
}

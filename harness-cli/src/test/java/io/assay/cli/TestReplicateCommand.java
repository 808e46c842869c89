package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay replicate} on claims made by {@code assay run} of the arithmetic example (twenty
 * tasks): the oracle's, a scripted agent's replaying an all-correct predictions file, and a chat
 * agent's against a fake OpenAI endpoint that later serves another model.
 */
class TestReplicateCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliResult replicate(Path claim, String... more) {
        List<String> args = new ArrayList<>(List.of("replicate", claim.toString(), "--progress", "none"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** A predictions file for the scripted agent: the right answer on tasks {@code right} accepts, -1 on the others. */
    private Path predictions(String name, Predicate<String> right) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<String> tasks = Files.lines(Path.of(example("arithmetic")).resolve("tasks.jsonl"))) {
            for (String line : tasks.toList()) {
                JsonNode task = JSON.readTree(line);
                String id = task.get("id").asText();
                lines.add(JSON.createObjectNode().put("task_id", id)
                        .put("output", "It is " + (right.test(id) ? task.get("answer").asText() : "-1")).toString());
            }
        }
        return Files.write(temp.resolve(name), lines);
    }

    @Test
    void theOraclesClaimReplicatedIsConsistentWithPOneExitZeroAndTheJsonAVerifierNeeds() throws Exception {
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "oracle");
        Path out = temp.resolve("replication");

        CliResult result = replicate(claim, "--sample", "6", "--out", out.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.fieldNames()).toIterable().contains("claimed", "replicated", "ci95", "p_value", "consistent", "tasks",
                "claimed_run", "replication", "sample", "alpha", "test", "identity", "minimum_detectable_difference");
        assertThat(json.get("consistent").asBoolean()).isTrue();
        assertThat(json.get("verdict").asText()).isEqualTo("consistent");
        assertThat(json.get("p_value").asDouble()).isEqualTo(1.0);
        assertThat(json.get("test").asText()).isEqualTo("mcnemar");
        assertThat(json.get("claimed").asDouble()).isEqualTo(1.0);
        assertThat(json.get("replicated").asDouble()).isEqualTo(1.0);
        assertThat(json.get("claimed_run").asText()).isEqualTo("claim");
        assertThat(json.get("replication").asText()).isEqualTo(out.toString());
        assertThat(json.get("sample").get("size").asInt()).isEqualTo(6);
        assertThat(json.get("sample").get("seed").asLong()).isZero();
        assertThat(json.get("tasks")).hasSize(6).allSatisfy(task -> {
            assertThat(task.fieldNames()).toIterable().containsExactly("id", "claimed", "replicated", "agree");
            assertThat(task.get("agree").asBoolean()).isTrue();
        });
        List<String> sample = new ArrayList<>();
        json.get("sample").get("tasks").forEach(task -> sample.add(task.asText()));
        assertThat(result.err()).contains("Replicating run claim on 6 of its 20 tasks (seed 0): " + String.join(", ", sample))
                .doesNotContain("warning: --sample");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(6);
    }

    @Test
    void theSameSeedDrawsTheSameTasksAndAnotherSeedOthers() throws Exception {
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "oracle");

        JsonNode first = JSON.readTree(replicate(claim, "--sample", "4", "--seed", "9", "--out", temp.resolve("a").toString(),
                "--format", "json").out());
        JsonNode again = JSON.readTree(replicate(claim, "--sample", "4", "--seed", "9", "--out", temp.resolve("b").toString(),
                "--format", "json").out());
        JsonNode other = JSON.readTree(replicate(claim, "--sample", "4", "--seed", "10", "--out", temp.resolve("c").toString(),
                "--format", "json").out());

        assertThat(first.get("sample").get("tasks")).hasSize(4).isEqualTo(again.get("sample").get("tasks"));
        assertThat(other.get("sample").get("tasks")).isNotEqualTo(first.get("sample").get("tasks"));
    }

    @Test
    void anAllCorrectClaimReplicatedWithMostlyWrongPredictionsIsInconsistentExitOneNamingTheTasksThatDisagree() throws Exception {
        Path right = predictions("right.jsonl", id -> true);
        Set<String> stillRight = Set.of("money-change", "money-muffins");
        Path wrong = predictions("wrong.jsonl", stillRight::contains);
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "scripted", "-A", "file=" + right);

        CliResult json = replicate(claim, "--sample", "10", "-A", "file=" + wrong, "--out", temp.resolve("r1").toString(),
                "--format", "json");
        CliResult text = replicate(claim, "--sample", "10", "-A", "file=" + wrong, "--out", temp.resolve("r2").toString());

        assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(json.out());
        List<String> wrongInSample = new ArrayList<>();
        verdict.get("sample").get("tasks").forEach(task -> {
            if (!stillRight.contains(task.asText())) {
                wrongInSample.add(task.asText());
            }
        });
        List<String> disagree = new ArrayList<>();
        verdict.get("tasks").forEach(task -> {
            if (!task.get("agree").asBoolean()) {
                disagree.add(task.get("id").asText());
            }
        });
        assertThat(disagree).containsExactlyInAnyOrderElementsOf(wrongInSample).hasSizeGreaterThanOrEqualTo(8);
        assertThat(verdict.get("consistent").asBoolean()).isFalse();
        assertThat(verdict.get("p_value").asDouble()).isLessThan(0.05);
        assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
        assertThat(text.out()).contains("Verdict: inconsistent with the claim", "McNemar's exact test: p = ",
                "Smallest detectable difference (80% power, 0.05 level): ");
        wrongInSample.forEach(task -> assertThat(text.out()).contains("disagree: " + task + " (claimed 1.000, replicated 0.000)"));
    }

    @Test
    void fiveTasksAllFlippedAreInconclusiveExitThreeWarnedAboutBeforeTheRunAndSayingSixCouldDecide() throws Exception {
        Path right = predictions("right.jsonl", id -> true);
        Path wrong = predictions("wrong.jsonl", id -> false);
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "scripted", "-A", "file=" + right);

        CliResult text = replicate(claim, "--sample", "5", "-A", "file=" + wrong, "--out", temp.resolve("r1").toString());
        CliResult json = replicate(claim, "--sample", "5", "-A", "file=" + wrong, "--out", temp.resolve("r2").toString(),
                "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(3);
        assertThat(text.err()).contains("warning: --sample 5: on pass/fail tasks no outcome of 5 tasks can reach p < 0.05"
                + " (every task disagreeing one way gives p = 0.0625), so the verdict would be inconclusive; a sample of 6 or"
                + " more could find the claim inconsistent");
        assertThat(text.out()).contains("Agreement:  0 of 5 tasks agree", "McNemar's exact test: p = 0.063 (alpha 0.05)",
                "Verdict: inconclusive: no outcome of 5 tasks could reach p < 0.05 with McNemar's exact test (every task"
                        + " disagreeing one way gives p = 0.063), so this sample could not find the claim inconsistent;"
                        + " a sample of 6 or more tasks could");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(3);
        JsonNode verdict = JSON.readTree(json.out());
        assertThat(verdict.get("consistent").isNull()).as("not consistent: untested").isTrue();
        assertThat(verdict.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(verdict.get("p_value").asDouble()).isEqualTo(0.0625);
        assertThat(verdict.get("most_extreme_p_value").asDouble()).isEqualTo(0.0625);
        assertThat(verdict.get("decisive_sample").asInt()).isEqualTo(6);
    }

    @Test
    void aBundleIsReplicatedLikeItsRunDirectoryAndWithPubkeyOnlyOnceItVerifies() throws Exception {
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "oracle");
        Path key = temp.resolve("signing.pem");
        Path bundle = temp.resolve("claim.zip");
        assertThat(run("keys", "generate", "--out", key.toString()).exitCode()).isZero();
        assertThat(run("bundle", claim.toString(), "--key", key.toString(), "--out", bundle.toString()).exitCode()).isZero();

        CliResult result = replicate(bundle, "--sample", "6", "--out", temp.resolve("r").toString(), "--pubkey", key + ".pub");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Claim: " + bundle + " (run claim, agent oracle)", "Verdict: consistent with the claim");
    }

    @Test
    void aSampleOfZeroOrOfMoreTasksThanTheClaimIsOneLineAndExitTwo() {
        Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "oracle");

        for (String size : List.of("0", "21")) {
            CliResult result = replicate(claim, "--sample", size, "--out", temp.resolve("r" + size).toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: --sample " + size + ": the claimed run evaluated 20 tasks\n")
                    .contains("hint: give --sample N with N from 1 to 20").doesNotContain("Exception");
            assertThat(temp.resolve("r" + size)).doesNotExist();
        }
    }

    @Test
    void aSuiteChangedSinceTheClaimIsRefusedWithExitTwo() throws Exception {
        Path suite = Files.createDirectories(temp.resolve("arithmetic"));
        for (String file : List.of("suite.yaml", "tasks.jsonl")) {
            Files.copy(Path.of(example("arithmetic")).resolve(file), suite.resolve(file));
        }
        assertThat(run("run", suite.toString(), "--agent", "oracle", "--out", temp.resolve("claim").toString(), "--progress",
                "none").exitCode()).isZero();
        Files.writeString(suite.resolve("tasks.jsonl"), Files.readString(suite.resolve("tasks.jsonl")).replace("$10 bill", "$20 bill"));

        CliResult result = replicate(temp.resolve("claim"), "--sample", "3", "--out", temp.resolve("r").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().findFirst().orElseThrow()).startsWith("error: suite " + suite
                + " is not the one the claimed run graded: content hash ").endsWith("replicating against another suite tests nothing");
        assertThat(temp.resolve("r")).doesNotExist();
    }

    @Test
    void aModelBackedClaimWhoseReplicationIsServedAnotherModelReportsTheIdentityDifference() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.defaultReply(Reply.text("ANSWER: 42").servedAs("bench-2026-01").withFingerprint("fp_claimed"));
            Path claim = CliResult.exampleRun(temp.resolve("claim"), "arithmetic", "chat", "--model", "openai/bench",
                    "--base-url", server.baseUrl(), "--api-key-env", "ASSAY_TEST_MODEL_KEY");
            server.defaultReply(Reply.text("ANSWER: 42").servedAs("bench-mini").withFingerprint("fp_other"));

            CliResult text = replicate(claim, "--sample", "6", "--out", temp.resolve("r1").toString());
            CliResult json = replicate(claim, "--sample", "6", "--out", temp.resolve("r2").toString(), "--format", "json");

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.err()).contains("warning: model identity: served model changed: [bench-2026-01] then, [bench-mini] now",
                    "warning: model identity: system fingerprint changed: [fp_claimed] then, [fp_other] now");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode identity = JSON.readTree(json.out()).get("identity");
            assertThat(identity).extracting(JsonNode::asText).containsExactly(
                    "served model changed: [bench-2026-01] then, [bench-mini] now",
                    "system fingerprint changed: [fp_claimed] then, [fp_other] now");
            assertThat(JSON.readTree(json.out()).get("model").asText()).isEqualTo("openai/bench");
        }
    }
}

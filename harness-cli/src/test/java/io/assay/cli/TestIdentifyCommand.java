package io.assay.cli;

import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import io.assay.testkit.model.TokenCountingResponder;
import io.assay.trust.identity.KnownTokenizer;
import io.assay.trust.identity.ProbeSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay identify} against fake OpenAI endpoints that count input tokens with different known
 * tokenizers, and on runs recorded against them; {@code assay compare} warning when the identity changed.
 */
class TestIdentifyCommand {
    /** Set by surefire (see the pom), as a real key would be in the environment. */
    private static final String KEY_VARIABLE = "ASSAY_TEST_MODEL_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FakeOpenAiServer> servers = new ArrayList<>();

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        servers.forEach(FakeOpenAiServer::close);
    }

    /** An endpoint counting input tokens with {@code tokenizer} plus 7 for its template, serving {@code servedAs}. */
    private String endpoint(KnownTokenizer tokenizer, String servedAs) {
        FakeOpenAiServer server = new FakeOpenAiServer();
        servers.add(server);
        server.respondWith(new TokenCountingResponder(tokenizer::count, 7,
                request -> Reply.text("I am FakeModel.\nANSWER: 7").servedAs(servedAs).withFingerprint("fp_" + tokenizer.id())));
        return server.baseUrl();
    }

    private static CliResult identify(String baseUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("identify", "--model", "openai/fake", "--base-url", baseUrl,
                "--api-key-env", KEY_VARIABLE));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path chatRun(String name, String baseUrl) {
        return CliResult.exampleRun(temp.resolve(name), "trust/multilingual", "chat", "--model", "openai/fake",
                "--base-url", baseUrl, "--api-key-env", KEY_VARIABLE);
    }

    @Test
    void anEndpointCountingWithCl100kIsIdentifiedAndItsFingerprintWritten() throws Exception {
        Path file = temp.resolve("fingerprint.json");

        CliResult result = identify(endpoint(KnownTokenizer.CL100K_BASE, "fake-model-2024"), "--out", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("tokenizer    cl100k_base (the only known tokenizer with a constant overhead;"
                        + " 12 of 12 calls comparable)", "served as    fake-model-2024", "fingerprint  fp_cl100k_base",
                "says it is   \"I am FakeModel. ANSWER: 7\"");
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.get("probe_set").asText()).isEqualTo(ProbeSet.VERSION);
        assertThat(json.get("token_counts").get("emoji").asLong())
                .isEqualTo(KnownTokenizer.CL100K_BASE.count(ProbeSet.TOKENS.get(4).prompt()) + 7);
    }

    @Test
    void theSameEndpointAgainstItsEarlierFingerprintIsLikelyTheSameAndExitsZero() {
        String url = endpoint(KnownTokenizer.CL100K_BASE, "fake-model");
        Path file = temp.resolve("earlier.json");
        assertThat(identify(url, "--out", file.toString()).exitCode()).isZero();

        CliResult result = identify(url, "--against", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("against " + file, "verdict      likely same: identical token counts and every habit"
                + " compared alike", "token counts (strong): agrees, identical on all 12 probes (tokenizer cl100k_base vs cl100k_base)");
    }

    @Test
    void anO200kEndpointAgainstACl100kOneIsLikelyDifferentAndExitsOne() throws Exception {
        CliResult result = identify(endpoint(KnownTokenizer.O200K_BASE, "fake-model"), "--against-model", "openai/fake",
                "--against-base-url", endpoint(KnownTokenizer.CL100K_BASE, "fake-model"), "--against-api-key-env", KEY_VARIABLE,
                "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("verdict").asText()).isEqualTo("likely different");
        assertThat(json.get("fingerprint").get("tokenizer").get("verdict").asText()).isEqualTo("o200k_base");
        assertThat(json.get("against").get("tokenizer").get("verdict").asText()).isEqualTo("cl100k_base");
        JsonNode tokens = json.get("evidence").get(0);
        assertThat(tokens.get("kind").asText()).isEqualTo("token counts");
        assertThat(tokens.get("weight").asText()).isEqualTo("strong");
        assertThat(tokens.get("differs").asBoolean()).isTrue();
    }

    @Test
    void aFileThatIsNotAFingerprintIsOneLineNamingFileAndFieldAndExitsTwoBeforeAnyCall() throws Exception {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, "{\"probe_set\": \"" + ProbeSet.VERSION + "\", \"model\": 7}");
        FakeOpenAiServer server = new FakeOpenAiServer();
        servers.add(server);

        CliResult result = identify(server.baseUrl(), "--against", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .containsExactly("error: " + file + ": not a fingerprint: field model: expected text, got 7");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anEndpointRefusingTheKeyIsOneLineNamingTheProbeAndExitsTwo() {
        FakeOpenAiServer server = new FakeOpenAiServer();
        servers.add(server);
        server.defaultReply(Reply.status(401, "{\"error\": {\"message\": \"Incorrect API key provided\"}}"));

        CliResult result = identify(server.baseUrl());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: probe english of openai/fake at " + server.baseUrl() + " failed: ")
                .contains("HTTP 401", "Incorrect API key provided").doesNotContain("\tat ");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void flagsOfTheOtherModeAreRefused() {
        CliResult neither = run("identify");
        CliResult mixed = run("identify", "--run", temp.toString(), "--out", "x.json");

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("error: give either --model PROVIDER/NAME or --run RUN");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("error: --out goes with --model, not --run");
    }

    @Test
    void aRunsRecordedCallsGiveItsServedModelFingerprintAndTokenizer() throws Exception {
        Path recorded = chatRun("cl100k", endpoint(KnownTokenizer.CL100K_BASE, "model-a"));

        CliResult text = run("identify", "--run", recorded.toString());
        CliResult json = run("identify", "--run", recorded.toString(), "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("model calls  6", "served as    model-a", "fingerprint  fp_cl100k_base",
                "tokenizer    cl100k_base (the only known tokenizer with a constant overhead; 6 of 6 calls comparable)");
        JsonNode identity = JSON.readTree(json.out());
        assertThat(identity.get("tokenizer").get("verdict").asText()).isEqualTo("cl100k_base");
        assertThat(identity.get("served_models")).extracting(JsonNode::asText).containsExactly("model-a");
    }

    @Test
    void twoRunsServedByDifferentModelsAreToldApartAndCompareWarns() {
        Path before = chatRun("before", endpoint(KnownTokenizer.CL100K_BASE, "model-a"));
        Path after = chatRun("after", endpoint(KnownTokenizer.O200K_BASE, "model-b"));

        CliResult identify = run("identify", "--run", before.toString(), "--against-run", after.toString());
        CliResult compare = run("compare", before.toString(), after.toString());
        CliResult same = run("identify", "--run", before.toString(), "--against-run", before.toString());

        assertThat(identify.exitCode()).as(identify.err()).isEqualTo(1);
        assertThat(identify.out()).contains("verdict      identity changed",
                "  served model changed: [model-a] then, [model-b] now",
                "  tokenizer changed: cl100k_base then, o200k_base now",
                "  the same request was counted differently in 6 of 6 requests both runs sent");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.err().lines().filter(line -> line.startsWith("warning: model identity: ")))
                .contains("warning: model identity: served model changed: [model-a] then, [model-b] now",
                        "warning: model identity: tokenizer changed: cl100k_base then, o200k_base now");
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("verdict      no recorded difference in served model, system fingerprint, tokenizer,"
                + " request token counts");
    }

    @Test
    void anEndpointAnsweringNothingAgainstItselfIsInconclusiveAndExitsOneNotLikelySame() {
        FakeOpenAiServer server = new FakeOpenAiServer();
        servers.add(server);
        server.respondWith(new TokenCountingResponder(KnownTokenizer.CL100K_BASE::count, 7,
                request -> Reply.text("").servedAs("reasoner").withFingerprint("fp_r")));

        CliResult result = identify(server.baseUrl(), "--against-model", "openai/fake", "--against-base-url", server.baseUrl(),
                "--against-api-key-env", KEY_VARIABLE);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("verdict      inconclusive: identical token counts, but self-identification, refusals,"
                        + " formatting could not be compared",
                "self-identification (weak): not compared, \"\" vs \"\": an empty answer",
                "refusals (weak): not compared, no prompt answered by both",
                "formatting (weak): not compared, no prompt answered by both")
                .doesNotContain("likely same", "the same on 0 prompts");
    }

    @Test
    void twoRunsWithNothingComparableSaySoAndExitOne() throws Exception {
        Path oracle = CliResult.exampleRun(temp.resolve("oracle"), "trust/multilingual", "oracle");
        Path stripped = chatRun("stripped", endpoint(KnownTokenizer.CL100K_BASE, "model-a"));
        // What a client or proxy that records neither name, fingerprint nor usage leaves in the trials.
        Path trials = stripped.resolve("trials.jsonl");
        Files.writeString(trials, Files.readString(trials).replaceAll("\"served_model\":\"[^\"]*\"", "\"served_model\":null")
                .replaceAll("\"fingerprint\":\"[^\"]*\"", "\"fingerprint\":null")
                .replaceAll("\"input_tokens\":\\d+", "\"input_tokens\":0"));

        CliResult noCalls = run("identify", "--run", oracle.toString(), "--against-run", oracle.toString());
        CliResult nothingShared = run("identify", "--run", stripped.toString(), "--against-run", stripped.toString());
        CliResult json = run("identify", "--run", stripped.toString(), "--against-run", stripped.toString(), "--format", "json");

        assertThat(noCalls.exitCode()).as(noCalls.err()).isEqualTo(1);
        assertThat(noCalls.out()).contains("verdict      nothing comparable: a run recorded no model call");
        assertThat(nothingShared.exitCode()).as(nothingShared.err()).isEqualTo(1);
        assertThat(nothingShared.out()).contains("model calls  6", "verdict      nothing comparable: the runs share no served"
                + " model name, system fingerprint, decided tokenizer or request that both recorded");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(json.out());
        assertThat(verdict.get("verdict").asText()).startsWith("nothing comparable");
        assertThat(verdict.get("compared")).isEmpty();
    }
}

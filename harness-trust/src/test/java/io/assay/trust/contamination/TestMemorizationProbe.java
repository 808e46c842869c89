package io.assay.trust.contamination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.launcher.AddedProbe;
import io.assay.launcher.Assay;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.TaskSelection;
import io.assay.models.ModelClient;
import io.assay.models.ModelClients;
import io.assay.models.ModelSettings;
import io.assay.models.ModelSpec;
import io.assay.spi.Options;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memorization probe in real audits through the facade, against a fake model endpoint. */
class TestMemorizationProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUID = "9b2c7e14-5f0a-4d63-8c19-2e7a4b6d1f53";
    private static final String LIGHTHOUSE = "The old lighthouse keeper counted forty-seven ships passing the northern"
            + " cape during the storm of last winter. How many ships would he count in three such winters?";
    private static final String ORCHARD = "An orchard has twelve rows of apple trees with nine trees in each row, and"
            + " every tree gives thirty apples. How many apples does the orchard give in one season?";
    private static final Assay ASSAY = Assay.open(List.of());

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        server.close();
    }

    private Path suite(String canary, String... extraTasks) throws Exception {
        Files.writeString(temp.resolve("suite.yaml"), "id: recall\nmeasures: Arithmetic in words.\n"
                + (canary == null ? "" : "canary: \"" + canary + "\"\n") + "reward: {type: exact}\n");
        List<String> lines = new ArrayList<>(List.of(
                "{\"id\": \"lighthouse\", \"prompt\": \"" + LIGHTHOUSE + "\", \"answer\": \"141\"}",
                "{\"id\": \"orchard\", \"prompt\": \"" + ORCHARD + "\", \"answer\": \"3240\"}",
                "{\"id\": \"short\", \"prompt\": \"What is 2 + 2?\", \"answer\": \"4\"}"));
        lines.addAll(List.of(extraTasks));
        Files.write(temp.resolve("tasks.jsonl"), lines);
        return temp;
    }

    private ModelClient client() {
        return ModelClients.create(ModelSpec.parse("openai/recall-test").withBaseUrl(server.baseUrl()),
                ModelSettings.defaults(), variable -> "sk-test");
    }

    private JsonNode audit(Path suite, AddedProbe probe) throws Exception {
        AuditSettings settings = new AuditSettings(1, Duration.ofSeconds(30), List.of("reporting", MemorizationProbe.NAME),
                TaskSelection.ALL, 0, Options.empty(), Map.of(), List.of(probe));
        return JSON.readTree(ASSAY.audit(suite, settings, name -> { }).json());
    }

    private JsonNode audit(Path suite, Function<RecordedRequest, Reply> model) throws Exception {
        server.respondWith(model);
        return audit(suite, AddedProbe.of(new MemorizationProbe(client(), 5, 0)));
    }

    private static String asked(RecordedRequest request) {
        return String.valueOf(((Map<?, ?>) ((List<?>) request.json().get("messages")).getFirst()).get("content"));
    }

    private static List<JsonNode> findings(JsonNode report, String severity) {
        List<JsonNode> found = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("probe").asText().equals(MemorizationProbe.NAME) && f.path("severity").asText().equals(severity)) {
                found.add(f);
            }
        });
        return found;
    }

    private static JsonNode item(JsonNode report, String id) {
        for (JsonNode item : report.path("checklist")) {
            if (item.path("item").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no checklist item " + id);
    }

    @Test
    void aModelThatCompletesTheCanaryGuidIsAnError() throws Exception {
        JsonNode report = audit(suite("assay-canary:" + GUID), request -> asked(request).contains("canary")
                ? Reply.text("assay-canary:" + GUID) : Reply.text("I do not know this text."));

        List<JsonNode> errors = findings(report, "error");
        assertThat(errors).hasSize(1);
        JsonNode error = errors.getFirst();
        assertThat(error.path("abc").get(0).asText()).isEqualTo("R.3");
        assertThat(error.path("tasks")).isEmpty();
        assertThat(error.path("message").asText()).contains("openai/recall-test completed the suite's canary with 32 of"
                + " the GUID's 32 hex digits").contains("Fix:");
        // A holdout split copies suite.yaml into both parts, so the advice is a new canary in a new version,
        // not a split alone: a split's private part would carry the memorised canary.
        assertThat(error.path("message").asText()).contains("publish a new version of the suite with a new canary in"
                + " suite.yaml").contains("both parts keep its suite.yaml, canary included").doesNotContain("fresh canary");
        assertThat(error.path("evidence").path("asked").asText()).endsWith("assay-canary:").doesNotContain(GUID);
        assertThat(error.path("evidence").path("reply").asText()).isEqualTo("assay-canary:" + GUID);
        assertThat(error.path("evidence").path("guid_digits_reproduced").asInt()).isEqualTo(32);
        assertThat(item(report, "R.3").path("status").asText()).isEqualTo("fail");
        assertThat(server.requests()).allSatisfy(request -> assertThat(((Number) request.json().get("temperature")).doubleValue()).isZero());
    }

    @Test
    void aModelThatRecallsNothingLeavesR3CheckedAndSaysHowManyCallsItTook() throws Exception {
        JsonNode report = audit(suite("assay-canary:" + GUID),
                request -> Reply.text("assay-canary:00000000-1111-2222-3333-444444444444 and a story about boats."));

        assertThat(findings(report, "error")).isEmpty();
        assertThat(findings(report, "warning")).isEmpty();
        JsonNode info = findings(report, "info").getFirst();
        // The canary, and the two prompts long enough to split; "short" is not sent.
        assertThat(server.requests()).hasSize(3);
        assertThat(info.path("evidence").path("calls").asInt()).isEqualTo(3);
        assertThat(info.path("evidence").path("canary").asText()).isEqualTo("asked: 0 of 32 GUID digits reproduced");
        assertThat(info.path("evidence").path("tasks_asked")).extracting(JsonNode::asText).containsExactly("lighthouse", "orchard");
        assertThat(info.path("evidence").path("tasks_too_short").asInt()).isEqualTo(1);
        assertThat(info.path("message").asText()).contains("3 model calls");
        assertThat(item(report, "R.3").path("status").asText()).isEqualTo("pass");
        assertThat(item(report, "R.3").path("probes")).extracting(JsonNode::asText).contains(MemorizationProbe.NAME);
    }

    @Test
    void aModelThatContinuesAPromptWordForWordIsAWarningNamingTheTask() throws Exception {
        JsonNode report = audit(suite("assay-canary:" + GUID), request -> asked(request).contains("lighthouse keeper")
                ? Reply.text("during the storm of last winter. How many ships would he count in three such winters? 141")
                : Reply.text("Something else entirely."));

        List<JsonNode> warnings = findings(report, "warning");
        assertThat(warnings).hasSize(1);
        JsonNode warning = warnings.getFirst();
        assertThat(warning.path("tasks")).extracting(JsonNode::asText).containsExactly("lighthouse");
        assertThat(warning.path("evidence").path("field").asText()).isEqualTo("prompt");
        // Shown the first 14 of 28 tokens; "during the" was shown, so the reproduced held-out text starts after it.
        assertThat(warning.path("evidence").path("shown").asText()).isEqualTo("The old lighthouse keeper counted"
                + " forty-seven ships passing the northern cape during the");
        assertThat(warning.path("evidence").path("matched").asText())
                .isEqualTo("storm of last winter how many ships would he count in three such winters");
        assertThat(warning.path("evidence").path("matched_tokens").asInt()).isEqualTo(14);
        assertThat(item(report, "R.3").path("status").asText()).isEqualTo("warning");
    }

    @Test
    void aModelThatRecitesAHeldOutReferenceAnswerIsAWarningNamingTheTask() throws Exception {
        String answer = "Seven hundred and twenty seven ships sailed past the cape in the three winters of the old keeper";
        Path suite = suite("assay-canary:" + GUID, "{\"id\": \"essay\", \"prompt\": \"Write the one sentence that the"
                + " keeper of the northern lighthouse wrote into his log at the end of the third winter.\","
                + " \"answer\": \"" + answer + "\"}");

        JsonNode report = audit(suite, request -> asked(request).contains("keeper of the northern")
                ? Reply.text("...log at the end. " + answer + ".") : Reply.text("No idea."));

        JsonNode warning = findings(report, "warning").getFirst();
        assertThat(warning.path("tasks")).extracting(JsonNode::asText).containsExactly("essay");
        assertThat(warning.path("evidence").path("field").asText()).isEqualTo("answer");
        assertThat(warning.path("message").asText()).contains("its reference answer word for word");
    }

    @Test
    void withoutAModelR3IsNotCheckedEvenWhereTheCanaryIsPublished() throws Exception {
        JsonNode report = audit(suite("assay-canary:" + GUID),
                AddedProbe.unavailable(MemorizationProbe.NAME, MemorizationProbe.COVERS, "needs --model"));

        JsonNode r3 = item(report, "R.3");
        assertThat(r3.path("status").asText()).isEqualTo("not checked");
        assertThat(r3.path("why").asText()).isEqualTo("memorization needs --model");
        assertThat(report.path("summary").path("not_run").path(MemorizationProbe.NAME).asText()).isEqualTo("needs --model");
        assertThat(report.path("summary").path("probes")).extracting(JsonNode::asText).containsExactly("reporting");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aSuiteWithoutACanaryStillHasItsPromptsAsked() throws Exception {
        JsonNode report = audit(suite(null), request -> Reply.text("No idea."));

        JsonNode info = findings(report, "info").getFirst();
        assertThat(info.path("evidence").path("canary").asText()).isEqualTo("n/a: the suite publishes no canary");
        assertThat(info.path("evidence").path("calls").asInt()).isEqualTo(2);
        assertThat(server.requests()).hasSize(2).noneSatisfy(request -> assertThat(asked(request)).contains("canary"));
        // The reporting probe warns that the canary is missing; the memorization probe ran, so R.3 is checked.
        assertThat(item(report, "R.3").path("status").asText()).isEqualTo("warning");
        assertThat(item(report, "R.3").path("probes")).extracting(JsonNode::asText)
                .containsExactly("reporting", MemorizationProbe.NAME);
    }

    @Test
    void aProbeThatWouldAskNothingIsNotApplicableRatherThanPassed() throws Exception {
        JsonNode report = audit(suite(null), AddedProbe.of(new MemorizationProbe(client(), 0, 0)));

        assertThat(report.path("summary").path("not_applicable").path(MemorizationProbe.NAME).asText())
                .isEqualTo("no canary GUID, and no task prompts to send");
        assertThat(report.path("summary").path("probes")).extracting(JsonNode::asText).containsExactly("reporting");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aReplyCopyingWhatItWasShownIsNoEvidence() throws Exception {
        JsonNode report = audit(suite("assay-canary:" + GUID), request -> Reply.text(asked(request)));

        assertThat(findings(report, "error")).isEmpty();
        assertThat(findings(report, "warning")).isEmpty();
    }
}

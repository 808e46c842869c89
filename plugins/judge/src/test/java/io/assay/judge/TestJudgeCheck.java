package io.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.assay.testkit.Checks;
import io.assay.testkit.TaskBuilder;
import io.assay.testkit.model.FakeAnthropicServer;
import io.assay.testkit.model.FakeModelServer;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestJudgeCheck {
    private static final String KEY = "sk-test-key-123456";
    private static final String RUBRIC = "The answer names the capital city and nothing else.";
    private static final Task TASK = TaskBuilder.task("capital").prompt("What is the capital of France?").answer("Paris").build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<FakeModelServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(FakeModelServer::close);
    }

    @Test
    void oneJudgeGradesWithItsReasonAndRecordsTheCallWithoutTheKey() throws Exception {
        FakeOpenAiServer server = openAi(Reply.text(JudgeServer.verdict(true, "It names Paris.")));
        RewardResult result = check(spec(member(server, "openai/judge-a"))).check(TASK, AgentOutput.of("Paris"), Optional.empty());

        assertThat(result.passed()).isTrue();
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.explanation()).isEqualTo("judge openai/judge-a says correct: It names Paris.");
        assertThat(result.evidence().get("judges"))
                .isEqualTo(List.of(Map.of("model", "openai/judge-a", "verdict", "correct", "reason", "It names Paris.")));
        assertThat(result.evidence()).doesNotContainKeys("agreement", "pairwise_agreement");
        assertThat(maps(result.evidence().get("model_calls"))).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("model", "judge-a")
                        .containsEntry("output_tokens", 5L).containsKeys("cost_usd", "served_model", "request", "response"));
        assertThat(JSON.writeValueAsString(result.evidence())).doesNotContain(KEY);

        JsonNode request = new ObjectMapper().readTree(server.requests().getFirst().body());
        assertThat(request.path("temperature").asDouble(-1)).isZero();
        String prompt = request.path("messages").path(1).path("content").asText();
        assertThat(prompt).contains(RUBRIC, TASK.prompt(), "REFERENCE ANSWER", "AGENT ANSWER");
        assertThat(request.path("messages").path(0).path("content").asText()).contains("{\"verdict\": \"correct\"");
    }

    @Test
    void anIncorrectVerdictFailsTheAnswer() throws InterruptedException {
        FakeOpenAiServer server = openAi(Reply.text("```json\n" + JudgeServer.verdict(false, "It names Lyon.") + "\n```"));
        RewardResult result = check(spec(member(server, "openai/judge-a"))).check(TASK, AgentOutput.of("Lyon"), Optional.empty());
        assertThat(result.passed()).isFalse();
        assertThat(result.score()).isZero();
        assertThat(result.explanation()).contains("says incorrect: It names Lyon.");
    }

    @Test
    void aReplyOutsideTheFormatIsAJudgeErrorNamingTheJudgeAndQuotingIt() {
        FakeOpenAiServer prose = openAi(Reply.text("I think the answer is correct because Paris is the capital."));
        assertThatThrownBy(() -> check(spec(member(prose, "openai/judge-a"))).check(TASK, AgentOutput.of("Paris"), Optional.empty()))
                .isInstanceOf(VerdictException.class)
                .hasMessageContaining("openai/judge-a replied outside the verdict format (the reply is not a single JSON object)")
                .hasMessageContaining("\"I think the answer is correct because Paris is the capital.\"");

        FakeOpenAiServer wrongWord = openAi(Reply.text("{\"verdict\": \"mostly correct\", \"reason\": \"close\"}"));
        assertThatThrownBy(() -> check(spec(member(wrongWord, "openai/judge-a"))).check(TASK, AgentOutput.of("Paris"), Optional.empty()))
                .isInstanceOf(VerdictException.class).hasMessageContaining("\"mostly correct\"");
    }

    @Test
    void anEndpointThatKeepsFailingIsAHarnessErrorNotAVerdict() {
        FakeOpenAiServer server = openAi(Reply.serverError());
        assertThatThrownBy(() -> check(spec(member(server, "openai/judge-a"))).check(TASK, AgentOutput.of("Paris"), Optional.empty()))
                .isInstanceOf(EnvironmentException.class).isNotInstanceOf(VerdictException.class)
                .hasMessageContaining("judge openai/judge-a could not be called").hasMessageNotContaining(KEY);
    }

    @Test
    void aPanelPassesOnAMajorityAndReportsItsAgreement() throws InterruptedException {
        RewardResult result = check(panel(null,
                member(openAi(Reply.text(JudgeServer.verdict(true, "Paris.")))
                        , "openai/judge-a"),
                member(anthropic(Reply.text(JudgeServer.verdict(true, "It is Paris."))), "anthropic/judge-b"),
                member(openAi(Reply.text(JudgeServer.verdict(false, "Too terse."))), "openai/judge-c")))
                .check(TASK, AgentOutput.of("Paris"), Optional.empty());

        assertThat(result.passed()).isTrue();
        assertThat(result.explanation()).startsWith("2 of 3 judges say correct; passing needs more than half; openai/judge-a: Paris.");
        assertThat(result.evidence()).containsEntry("votes", Map.of("correct", 2, "incorrect", 1, "errors", 0))
                .containsEntry("agreement", 2.0 / 3).containsEntry("pairwise_agreement", 1.0 / 3);
        assertThat(maps(result.evidence().get("judges"))).extracting(judge -> judge.get("model"))
                .containsExactly("openai/judge-a", "anthropic/judge-b", "openai/judge-c");
        assertThat((List<?>) result.evidence().get("model_calls")).hasSize(3);
    }

    @Test
    void passThresholdSetsTheFractionOfJudgesThatMustSayCorrect() throws InterruptedException {
        RewardResult result = check(panel(1.0,
                member(openAi(Reply.text(JudgeServer.verdict(true, "ok"))), "openai/judge-a"),
                member(openAi(Reply.text(JudgeServer.verdict(true, "ok"))), "openai/judge-b"),
                member(openAi(Reply.text(JudgeServer.verdict(false, "no"))), "openai/judge-c")))
                .check(TASK, AgentOutput.of("Paris"), Optional.empty());
        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).startsWith("2 of 3 judges say correct; passing needs at least 100%; openai/judge-c: no");
    }

    @Test
    void aPanelDecidesWithoutAJudgeThatGaveNoVerdictIfMostDid() throws InterruptedException {
        RewardResult result = check(panel(null,
                member(openAi(Reply.text(JudgeServer.verdict(true, "ok"))), "openai/judge-a"),
                member(openAi(Reply.text("Correct!")), "openai/judge-b"),
                member(openAi(Reply.text(JudgeServer.verdict(false, "no"))), "openai/judge-c")))
                .check(TASK, AgentOutput.of("Paris"), Optional.empty());

        // One correct of the two that voted is not more than half: the error is not counted as a vote.
        assertThat(result.passed()).isFalse();
        assertThat(result.explanation()).startsWith("1 of 2 judges say correct (1 of 3 gave no verdict)");
        assertThat(result.evidence()).containsEntry("votes", Map.of("correct", 1, "incorrect", 1, "errors", 1))
                .containsEntry("agreement", 0.5).containsEntry("pairwise_agreement", 0.0);
        assertThat(((List<?>) result.evidence().get("judges")).get(1)).isEqualTo(Map.of("model", "openai/judge-b",
                "error", "the reply is not a single JSON object", "reply", "Correct!"));
        assertThat((List<?>) result.evidence().get("model_calls")).hasSize(3);
    }

    @Test
    void aPanelWhoseJudgesMostlyGaveNoVerdictIsAJudgeError() {
        RewardCheck check = check(panel(null,
                member(openAi(Reply.text(JudgeServer.verdict(true, "ok"))), "openai/judge-a"),
                member(openAi(Reply.text("Correct!")), "openai/judge-b"),
                member(openAi(Reply.text("{\"verdict\": \"yes\", \"reason\": \"\"}")), "openai/judge-c")));
        assertThatThrownBy(() -> check.check(TASK, AgentOutput.of("Paris"), Optional.empty())).isInstanceOf(VerdictException.class)
                .hasMessageStartingWith("2 of 3 judges gave no verdict, too few for the panel to decide")
                .hasMessageContaining("openai/judge-b replied outside").hasMessageContaining("openai/judge-c replied outside");
    }

    @Test
    void rejectsSpecsThatCannotMakeAJudge() {
        FakeOpenAiServer server = openAi();
        assertThatThrownBy(() -> check(Map.of("type", "judge", "model", "openai/j", "base_url", server.baseUrl())))
                .isInstanceOf(InvalidOptionException.class).hasMessage("reward.rubric: required string is missing");
        assertThatThrownBy(() -> check(with(spec(member(server, "openai/j")), "pass_threshold", 0.5)))
                .hasMessageStartingWith("reward.pass_threshold: applies to a panel only");
        assertThatThrownBy(() -> check(with(panel(null, member(server, "openai/j")), "model", "openai/j")))
                .hasMessageStartingWith("reward.model: give the model options of each judge inside panel");
        assertThatThrownBy(() -> check(panel(0.0, member(server, "openai/j"))))
                .hasMessageStartingWith("reward.pass_threshold: expected the fraction of judges");
        assertThatThrownBy(() -> check(panel(null, with(member(server, "openai/j"), "rubric", "x"))))
                .hasMessageStartingWith("reward.panel[0].rubric: unknown field");
        assertThatThrownBy(() -> Checks.of(new JudgeCheckFactory(name -> null)).create(
                new Options("reward", spec(member(server, "openai/j")))))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("reward.api_key_env: environment variable OPENAI_API_KEY is not set");
    }

    @Test
    void aJudgeThatNamesNoModelAsksTheRunsJudgeModelWithItsOwnOtherOptions() throws Exception {
        FakeOpenAiServer server = openAi(Reply.text(JudgeServer.verdict(true, "It names Paris.")));
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("type", "judge", "rubric", RUBRIC, "temperature", 0.5));

        RewardResult result = checks().withDefaults("judge", member(server, "openai/judge-d"))
                .create(new Options("reward", spec)).check(TASK, AgentOutput.of("Paris"), Optional.empty());

        assertThat(result.explanation()).startsWith("judge openai/judge-d says correct");
        assertThat(new ObjectMapper().readTree(server.requests().getFirst().body()).path("temperature").asDouble())
                .as("the check's own option kept").isEqualTo(0.5);
    }

    @Test
    void aJudgeThatNamesItsModelIgnoresTheRunsAndAPanelMemberWithoutOneTakesIt() throws Exception {
        FakeOpenAiServer own = openAi(Reply.text(JudgeServer.verdict(true, "own")), Reply.text(JudgeServer.verdict(true, "own")));
        FakeOpenAiServer runs = openAi(Reply.text(JudgeServer.verdict(true, "the run's")));
        Checks checks = checks().withDefaults("judge", member(runs, "openai/judge-run"));

        RewardResult single = checks.create(new Options("reward", spec(member(own, "openai/judge-own"))))
                .check(TASK, AgentOutput.of("Paris"), Optional.empty());
        assertThat(runs.requests()).isEmpty();
        RewardResult panel = checks.create(new Options("reward", panel(null, member(own, "openai/judge-own"),
                Map.of("max_attempts", 1)))).check(TASK, AgentOutput.of("Paris"), Optional.empty());

        assertThat(single.explanation()).startsWith("judge openai/judge-own says correct");
        assertThat(panel.explanation()).startsWith("2 of 2 judges say correct");
        assertThat(runs.requests()).hasSize(1);
    }

    @Test
    void aJudgeWithNoModelAtAllLoadsAndEveryGradingIsAJudgeErrorSayingHowToNameOne() {
        Map<String, Object> spec = Map.of("type", "judge", "rubric", RUBRIC);
        RewardCheck check = check(spec);
        RewardCheck panel = check(panel(null, Map.of("max_attempts", 1)));

        for (RewardCheck unconfigured : List.of(check, panel)) {
            assertThat(unconfigured.remote()).isTrue();
            assertThatThrownBy(() -> unconfigured.check(TASK, AgentOutput.of("Paris"), Optional.empty()))
                    .isInstanceOf(VerdictException.class)
                    .hasMessageStartingWith("no judge model: this judge check names none; pass --judge-model PROVIDER/NAME");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object evidence) {
        return (List<Map<String, Object>>) evidence;
    }

    private FakeOpenAiServer openAi(Reply... replies) {
        FakeOpenAiServer server = new FakeOpenAiServer();
        server.enqueue(replies);
        servers.add(server);
        return server;
    }

    private FakeAnthropicServer anthropic(Reply... replies) {
        FakeAnthropicServer server = new FakeAnthropicServer();
        server.enqueue(replies);
        servers.add(server);
        return server;
    }

    private static Map<String, Object> member(FakeModelServer server, String model) {
        return Map.of("model", model, "base_url", server.baseUrl(), "max_attempts", 1);
    }

    private static Map<String, Object> spec(Map<String, Object> judge) {
        return with(with(judge, "type", "judge"), "rubric", RUBRIC);
    }

    @SafeVarargs
    private static Map<String, Object> panel(Double passThreshold, Map<String, Object>... judges) {
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("type", "judge", "rubric", RUBRIC, "panel", List.of(judges)));
        if (passThreshold != null) {
            spec.put("pass_threshold", passThreshold);
        }
        return spec;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Checks checks() {
        return Checks.of(new JudgeCheckFactory(name -> KEY));
    }

    private static RewardCheck check(Map<String, Object> spec) {
        return checks().create(new Options("reward", spec));
    }
}

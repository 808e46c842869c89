package io.assay.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.Environment;
import io.assay.spi.EnvironmentException;
import io.assay.spi.FatalEnvironmentException;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Message;
import io.assay.spi.ModelCall;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model plays the user (environment option {@code user_model}), against the fake OpenAI server. */
class TestModelUser {
    private static final String SCENARIO = "You are Ana (account acc_ana). You want 5 added to your account.";
    private static final Map<String, String> KEY = Map.of("OPENAI_API_KEY", "sk-test-user-model");
    /** A 500 asking for an immediate retry, so the test does not wait out the backoff. */
    private static final Reply SERVER_ERROR = new Reply.Raw(500,
            Map.of("Content-Type", "application/json", "Retry-After", "0"), "{\"error\": {\"message\": \"internal error\"}}");

    private final FakeOpenAiServer openAi = new FakeOpenAiServer();

    @AfterEach
    void stop() {
        openAi.close();
    }

    private static Task task(Object answer, List<String> userTurns) {
        return new Task("t1", "Please add 5 to my account acc_ana.", answer, null, Map.of(), null, userTurns);
    }

    private static Task withScenario() {
        return task(Map.of("actions", List.of(), "outputs", List.of(), "user_scenario", SCENARIO), List.of());
    }

    private Environment environment(Map<String, Object> options) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("type", "ledger", "user_model", "openai/gpt-4o-mini",
                "user_base_url", openAi.baseUrl()));
        values.putAll(options);
        return new ToolEnvironmentFactory("ledger", "", loader -> {
            loader.allowOnly("type");
            return new LedgerDomain();
        }, KEY::get).create(new Options("environment", values));
    }

    private ToolSession start(Task task) throws Exception {
        return (ToolSession) environment(Map.of()).start(task, 7);
    }

    private Map<String, Object> request(int index) {
        return openAi.requests().get(index).json();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> messages(int index) {
        return (List<Map<String, Object>>) request(index).get("messages");
    }

    @Test
    void theModelWritesTheOpeningWithTheTasksScenarioInItsSystemPrompt() throws Exception {
        openAi.enqueue(Reply.text("Hi, could you put 5 into my account?"));

        ToolSession session = start(withScenario());

        assertThat(session.conversation()).containsExactly(new Message(Message.Role.USER, "Hi, could you put 5 into my account?"));
        List<Map<String, Object>> sent = messages(0);
        assertThat(sent.get(0)).containsEntry("role", "system");
        assertThat((String) sent.get(0).get("content")).contains("<scenario>\n" + SCENARIO + "\n</scenario>", "###STOP###",
                "###TRANSFER###", "###OUT-OF-SCOPE###");
        assertThat(sent.get(1)).containsEntry("role", "user").containsEntry("content", ModelUser.GREETING);
        assertThat(sent).hasSize(2);
        assertThat(number(request(0).get("temperature"))).isZero(); // tau2's user temperature, unless set
    }

    @Test
    void withoutAScenarioTheModelPlaysThePromptAndTheScriptedTurns() throws Exception {
        openAi.enqueue(Reply.text("Hello."));

        start(task(Map.of("actions", List.of()), List.of("Yes, go ahead.", "That's all.")));

        assertThat((String) messages(0).get(0).get("content")).contains(
                "Why you are contacting the agent: Please add 5 to my account acc_ana.",
                "in this order", "\n- Yes, go ahead.\n- That's all.\n</scenario>");
    }

    @Test
    void theModelSeesTheConversationFromTheUsersSideAndItsStopTokenEndsIt() throws Exception {
        openAi.enqueue(Reply.text("Add 5 to acc_ana, please."), Reply.text("Yes, go ahead."),
                Reply.text("Great, thanks! ###STOP###"));
        ToolSession session = start(withScenario());

        assertThat(session.send("Shall I add 5 to acc_ana?")).contains("Yes, go ahead.");
        assertThat(session.send("Done: your balance is 15.")).isEmpty();
        assertThat(session.send("Anything else?")).isEmpty();

        assertThat(openAi.requests()).hasSize(3);
        assertThat(messages(2)).extracting(message -> message.get("role") + ": " + message.get("content")).containsExactly(
                "system: " + messages(2).get(0).get("content"), "user: " + ModelUser.GREETING,
                "assistant: Add 5 to acc_ana, please.", "user: Shall I add 5 to acc_ana?", "assistant: Yes, go ahead.",
                "user: Done: your balance is 15.");
        assertThat(session.conversation()).extracting(Message::content).containsExactly("Add 5 to acc_ana, please.",
                "Shall I add 5 to acc_ana?", "Yes, go ahead.", "Done: your balance is 15.");
        TraceStep last = session.transcript().getLast();
        assertThat(last.kind()).isEqualTo("note");
        assertThat((String) last.data().get("text")).contains("###STOP###", "Great, thanks!");
    }

    @Test
    void aTransferOrAnOutOfScopeTokenEndsTheConversationToo() throws Exception {
        openAi.enqueue(Reply.text("Add 5, please."), Reply.text("###TRANSFER###"), Reply.text("Add 5, please."),
                Reply.text("I don't know that. ###OUT-OF-SCOPE###"));

        assertThat(start(withScenario()).send("Transferring you to a human agent.")).isEmpty();
        ToolSession asked = start(withScenario());
        assertThat(asked.send("What is your mother's maiden name?")).isEmpty();
        assertThat((String) asked.transcript().getLast().data().get("text")).contains("###OUT-OF-SCOPE###");
    }

    @Test
    void eachCallOfTheUserModelIsAModelCallInTheTranscriptMarkedAsTheUsers() throws Exception {
        openAi.enqueue(Reply.text("Add 5, please.").withUsage(120, 8), Reply.text("###STOP###").withUsage(150, 3));
        ToolSession session = start(withScenario());
        session.call("get_balance", Map.of("account_id", "acc_ana"));
        session.send("Done.");

        List<TraceStep> transcript = session.transcript();
        assertThat(transcript).extracting(TraceStep::kind)
                .containsExactly("model_call", "message", "tool_call", "message", "model_call", "note");
        assertThat(transcript).filteredOn(step -> step.kind().equals("model_call"))
                .allSatisfy(step -> assertThat(step.data()).containsEntry("actor", "user"));
        List<ModelCall> calls = transcript.stream().flatMap(step -> ModelCall.from(step).stream()).toList();
        assertThat(calls).extracting(ModelCall::model).containsOnly("gpt-4o-mini");
        assertThat(calls).extracting(ModelCall::inputTokens).containsExactly(120L, 150L);
        assertThat(calls.getFirst().costUsd()).isPositive(); // priced from the built-in table, so the run's cost counts it
        assertThat(calls.getFirst().request().toString()).contains(SCENARIO).doesNotContain("sk-test-user-model");
    }

    @Test
    void aUserModelThatKeepsFailingIsTheEnvironmentsFailureNotTheAgents() throws Exception {
        openAi.enqueue(Reply.text("Add 5, please."), SERVER_ERROR, SERVER_ERROR);
        ToolSession session = (ToolSession) environment(Map.of("user_max_attempts", 2)).start(withScenario(), 7);

        assertThatThrownBy(() -> session.send("Shall I?")).isInstanceOf(EnvironmentException.class)
                .isNotInstanceOf(FatalEnvironmentException.class)
                .hasMessageContaining("task 't1': the user model's call failed").hasMessageContaining("gave up after 2 attempts");
        assertThat(openAi.requests()).hasSize(3);
    }

    @Test
    void aRefusedKeyFailsTheOpeningAsAFatalEnvironmentError() {
        openAi.enqueue(Reply.status(401, "{\"error\": {\"message\": \"Incorrect API key provided\"}}"));

        assertThatThrownBy(() -> start(withScenario())).isInstanceOf(FatalEnvironmentException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void aBlankReplyFromTheUserModelIsTheEnvironmentsFailure() {
        openAi.enqueue(Reply.text("  "));

        assertThatThrownBy(() -> start(withScenario())).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("task 't1': the user model replied with no text");
    }

    @Test
    void aScenarioThatIsNotTextIsNamed() {
        Task task = task(Map.of("actions", List.of(), "user_scenario", Map.of("reason", "refund")), List.of());

        assertThatThrownBy(() -> start(task)).isInstanceOf(EnvironmentException.class)
                .hasMessage("task 't1': answer.user_scenario must be the scenario's text, got an object");
        assertThat(openAi.requests()).isEmpty();
    }

    @Test
    void theUserOptionsAreTheFactorysAndTheRestGoToTheDomain() throws Exception {
        openAi.enqueue(Reply.text("Hello."));

        environment(Map.of("user_temperature", "0.7", "user_max_tokens", 200)).start(withScenario(), 7);

        assertThat(number(request(0).get("temperature"))).isEqualTo(0.7);
        assertThat(number(request(0).get("max_tokens"))).isEqualTo(200);
        assertThatThrownBy(() -> environment(Map.of("colour", "blue")))
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("environment.colour: unknown field");
    }

    @Test
    void aMisspeltUserOptionIsAnErrorListingTheUserOptions() {
        assertThatThrownBy(() -> environment(Map.of("user_modle", "openai/gpt-4o")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("environment.user_modle: unknown field; expected one of [")
                .hasMessageContaining("user_base_url").hasMessageContaining("user_model").hasMessageContaining("user_temperature");
    }

    @Test
    void userOptionsWithoutAUserModelAreAnError() {
        Options options = new Options("environment", Map.of("type", "ledger", "user_temperature", 0.5));

        assertThatThrownBy(() -> new ToolEnvironmentFactory("ledger", "", LedgerDomain::new).create(options))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("environment.user_model: required string is missing");
    }

    @Test
    void aMissingKeyVariableNamesTheUserKeyOption() {
        Map<String, Object> values = new HashMap<>(Map.of("type", "ledger", "user_model", "openai/gpt-4o-mini",
                "user_api_key_env", "ASSAY_TEST_NO_SUCH_KEY"));

        assertThatThrownBy(() -> new ToolEnvironmentFactory("ledger", "", LedgerDomain::new)
                .create(new Options("environment", values)))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("environment.user_api_key_env: environment variable ASSAY_TEST_NO_SUCH_KEY is not set");
    }
}

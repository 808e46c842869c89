package io.assay.agents.model;

import static io.assay.agents.model.TestChatAgent.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assay.testkit.TaskBuilder;
import io.assay.testkit.model.FakeAnthropicServer;
import io.assay.testkit.model.FakeModelServer;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.CommandResult;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.spi.TraceStep;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestReactAgent {

    private static final Task TASK = TaskBuilder.task("t1").prompt("Make the tests in /app pass.").build();

    private final FakeOpenAiServer openAi = new FakeOpenAiServer();
    private final FakeAnthropicServer anthropic = new FakeAnthropicServer();

    @AfterEach
    void stop() {
        openAi.close();
        anthropic.close();
    }

    @Test
    void callsToolsTalksToTheUserAndStopsWhenTheUserEnds() throws Exception {
        FakeToolSession shop = new FakeToolSession("Where is order 7?", "Thanks. Is order 8 there too?");
        openAi.enqueue(Reply.toolCall("call_1", "lookup", Map.of("id", "7")), Reply.text("Order 7 has shipped."),
                Reply.toolCall("call_2", "lookup", Map.of("id", "8")), Reply.text("Order 8 has shipped too."));

        AgentOutput output = react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(shop));

        assertThat(shop.calls).containsExactly(new FakeToolSession.Call("lookup", Map.of("id", "7")),
                new FakeToolSession.Call("lookup", Map.of("id", "8")));
        assertThat(shop.sent).containsExactly("Order 7 has shipped.", "Order 8 has shipped too.");
        assertThat(output.answer()).isEqualTo("Order 8 has shipped too.");
        assertThat(output.trace()).extracting(TraceStep::kind).containsOnly("model_call").hasSize(4);
        assertThat(openAi.requests()).hasSize(4);

        JsonNode first = request(openAi, 0);
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/messages/1/content").asText()).isEqualTo("Where is order 7?");
        assertThat(first.get("tools").findValuesAsText("name")).containsExactly("lookup", "fail");
        JsonNode toolResult = last(request(openAi, 1).get("messages"));
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolResult.get("content").asText()).contains("\"status\": \"shipped\"");
        JsonNode userReply = last(request(openAi, 2).get("messages"));
        assertThat(userReply.get("role").asText()).isEqualTo("user");
        assertThat(userReply.get("content").asText()).isEqualTo("Thanks. Is order 8 there too?");
    }

    @Test
    void theDomainsPolicyFollowsTheInstructionsInTheSystemPrompt() throws Exception {
        FakeToolSession shop = new FakeToolSession("Cancel order 7.").withPolicy("# Shop policy\nNever cancel a delivered order.\n");
        openAi.enqueue(Reply.text("Order 7 is delivered, so I cannot cancel it."));

        react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(shop));

        assertThat(request(openAi, 0).at("/messages/0/content").asText()).isEqualTo("<instructions>\n"
                + ReactAgent.TOOLS_SYSTEM + "\n</instructions>\n<policy>\n# Shop policy\nNever cancel a delivered order.\n</policy>");
    }

    @Test
    void withoutAPolicyTheSystemPromptIsTheInstructionsAlone() throws Exception {
        openAi.enqueue(Reply.text("Order 7 has shipped."));

        react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(new FakeToolSession("Where is order 7?")));

        assertThat(request(openAi, 0).at("/messages/0/content").asText()).isEqualTo(ReactAgent.TOOLS_SYSTEM);
    }

    @Test
    void theSystemOptionReplacesThePromptPolicyIncluded() throws Exception {
        FakeToolSession shop = new FakeToolSession("Cancel order 7.").withPolicy("Never cancel a delivered order.");
        openAi.enqueue(Reply.text("Done."));

        react(openAi, "openai/gpt-4o-mini", Map.of("system", "You are a terse clerk.")).act(input(shop));

        JsonNode messages = request(openAi, 0).get("messages");
        assertThat(messages.at("/0/content").asText()).isEqualTo("You are a terse clerk.");
        assertThat(messages.toString()).doesNotContain("Never cancel");
    }

    @Test
    void aToolErrorComesBackToTheModelAsAnObservation() throws Exception {
        FakeToolSession shop = new FakeToolSession("Cancel order 7.");
        anthropic.enqueue(Reply.toolCall("toolu_1", "fail", Map.of()), Reply.text("Sorry, order 7 cannot be cancelled."));

        AgentOutput output = react(anthropic, "anthropic/claude-haiku-4-5", Map.of()).act(input(shop));

        assertThat(output.answer()).isEqualTo("Sorry, order 7 cannot be cancelled.");
        JsonNode result = last(request(anthropic, 1).get("messages")).at("/content/0");
        assertThat(result.get("type").asText()).isEqualTo("tool_result");
        assertThat(result.get("tool_use_id").asText()).isEqualTo("toolu_1");
        assertThat(result.get("content").asText())
                .isEqualTo("error: the order is delivered; only pending orders can be cancelled");
    }

    @Test
    void runsBashInASandboxUntilTheModelRepliesWithoutAToolCall() throws Exception {
        FakeSandbox sandbox = new FakeSandbox(new CommandResult(0, "solve.py\n", "", false, false));
        openAi.enqueue(Reply.toolCall("call_1", "bash", Map.of("command", "ls")), Reply.text("Listed the files."));

        AgentOutput output = react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(sandbox));

        assertThat(sandbox.commands).containsExactly("ls");
        assertThat(sandbox.timeouts).containsExactly(Duration.ofSeconds(120));
        assertThat(output.answer()).isEqualTo("Listed the files.");
        assertThat(output.trace()).extracting(TraceStep::kind).containsExactly("model_call", "tool_call", "model_call");
        assertThat(output.trace().get(1).data()).containsEntry("name", "bash")
                .containsEntry("arguments", Map.of("command", "ls")).containsEntry("error", false);
        JsonNode first = request(openAi, 0);
        assertThat(first.at("/messages/0/content").asText()).contains("/app");
        assertThat(first.at("/messages/1/content").asText()).isEqualTo(TASK.prompt());
        assertThat(first.get("tools").findValuesAsText("name")).containsExactly("bash");
        assertThat(last(request(openAi, 1).get("messages")).get("content").asText())
                .isEqualTo("exit code: 0\nstdout:\nsolve.py\n\nstderr:\n");
    }

    @Test
    void cutsLongCommandOutputAndSaysSo() throws Exception {
        String log = "START" + "x".repeat(20_000) + "END";
        FakeSandbox sandbox = new FakeSandbox(new CommandResult(1, log, "", false, true));
        openAi.enqueue(Reply.toolCall("call_1", "bash", Map.of("command", "make")), Reply.text("The build fails."));

        react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(sandbox));

        String observation = last(request(openAi, 1).get("messages")).get("content").asText();
        assertThat(observation).startsWith("exit code: 1\n[the sandbox cut this output at its own limit]")
                .contains("START", "END", "[... 16008 characters cut ...]").hasSizeLessThan(5_000);
    }

    @Test
    void aCallTheModelGotWrongInASandboxComesBackAsAnError() throws Exception {
        FakeSandbox sandbox = new FakeSandbox(new CommandResult(0, "", "", false, false));
        openAi.enqueue(Reply.toolCall("call_1", "python", Map.of("code", "1")), Reply.toolCall("call_2", "bash", Map.of()),
                Reply.text("Giving up."));

        react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(sandbox));

        assertThat(sandbox.commands).isEmpty();
        assertThat(last(request(openAi, 1).get("messages")).get("content").asText())
                .isEqualTo("error: unknown tool 'python'; the only tool is bash");
        assertThat(last(request(openAi, 2).get("messages")).get("content").asText())
                .isEqualTo("error: bash needs a non-empty string argument \"command\"");
    }

    @Test
    void stopsAtMaxTurnsWithANoteAndKeepsWhatWasDone() throws Exception {
        FakeToolSession shop = new FakeToolSession("Where is order 7?");
        openAi.defaultReply(Reply.toolCall("call_1", "lookup", Map.of("id", "7")));

        AgentOutput output = react(openAi, "openai/gpt-4o-mini", Map.of("max_turns", "3")).act(input(shop));

        assertThat(openAi.requests()).hasSize(3);
        assertThat(shop.calls).hasSize(3);
        assertThat(output.answer()).isEmpty();
        assertThat(output.trace()).extracting(TraceStep::kind).containsExactly("model_call", "model_call", "model_call", "note");
        assertThat(output.trace().getLast().data().get("text").toString()).startsWith("stopped: max_turns reached");
    }

    @Test
    void stopsAtMaxTotalTokensWithANote() throws Exception {
        FakeSandbox sandbox = new FakeSandbox(new CommandResult(0, "", "", false, false));
        openAi.defaultReply(Reply.toolCall("call_1", "bash", Map.of("command", "true")).withUsage(10, 5));

        AgentOutput output = react(openAi, "openai/gpt-4o-mini", Map.of("max_total_tokens", 30)).act(input(sandbox));

        assertThat(openAi.requests()).hasSize(2);
        assertThat(output.trace().getLast().data().get("text").toString())
                .isEqualTo("stopped: max_total_tokens reached: 30 tokens used of 30");
    }

    @Test
    void answersOnceWithoutToolsOutsideToolEnvironmentsAndSandboxes() throws Exception {
        openAi.enqueue(Reply.text("2 + 3 = 5\nANSWER: 5"));

        AgentOutput output = react(openAi, "openai/gpt-4o-mini", Map.of()).act(input(() -> { }));

        assertThat(output.answer()).isEqualTo("5");
        assertThat(openAi.requests()).hasSize(1);
        assertThat(request(openAi, 0).has("tools")).isFalse();
    }

    @Test
    void anInterruptedTrialThrowsInterruptedException() throws Exception {
        openAi.defaultLatency(Duration.ofSeconds(30));
        Agent agent = react(openAi, "openai/gpt-4o-mini", Map.of());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread trial = Thread.ofVirtual().start(() -> {
            try {
                agent.act(input(new FakeToolSession("Where is order 7?")));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (openAi.requests().isEmpty()) {
            Thread.sleep(5);
        }

        trial.interrupt();
        trial.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void rejectsLimitsThatAreNotPositiveWholeNumbers() {
        assertThatThrownBy(() -> react(openAi, "openai/gpt-4o-mini", Map.of("max_turns", "0")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("max_turns: expected a whole number, 1 or more, got 0");
        assertThatThrownBy(() -> react(openAi, "openai/gpt-4o-mini", Map.of("max_seconds", "soon")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("max_seconds: expected a whole number, got the string \"soon\"");
    }

    private static Agent react(FakeModelServer server, String model, Map<String, Object> extra) {
        Map<String, Object> options = new LinkedHashMap<>(Map.of("model", model, "base_url", server.baseUrl()));
        options.putAll(extra);
        return new ReactAgentFactory(name -> KEY).create(Options.of(options));
    }

    private static AgentInput input(EnvironmentSession environment) {
        return new AgentInput(TASK, 0, 1L, environment);
    }

    private static JsonNode request(FakeModelServer server, int index) throws JsonProcessingException {
        return new ObjectMapper().readTree(server.requests().get(index).body());
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}

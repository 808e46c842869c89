package io.assay.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Message;
import io.assay.spi.Options;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import io.assay.spi.TraceStep;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestToolSession {
    private static final Map<String, Object> DEPOSIT_5 = Map.of("name", "deposit",
            "arguments", Map.of("account_id", "acc_ana", "amount", 5));

    private static Task task(List<Object> actions, List<String> outputs, List<String> userTurns) {
        return new Task("t1", "Please add 5 to my account acc_ana.", Map.of("actions", actions, "outputs", outputs), null,
                Map.of(), null, userTurns);
    }

    private static ToolSession start(Task task) throws Exception {
        EnvironmentSession session = new ToolEnvironmentFactory("ledger", "", LedgerDomain::new)
                .create(new Options("environment", Map.of("type", "ledger"))).start(task, 7);
        return (ToolSession) session;
    }

    private static Object balance(ToolEnvironment session, String account) {
        return ((Map<?, ?>) ((Map<?, ?>) session.state().get("accounts")).get(account)).get("balance");
    }

    @Test
    void aToolCallChangesOnlyThisTrialsCopyOfTheState() throws Exception {
        ToolSession first = start(task(List.of(), List.of(), List.of()));
        ToolSession second = start(task(List.of(), List.of(), List.of()));

        ToolResult result = first.call("deposit", Map.of("account_id", "acc_ana", "amount", 2.5));

        assertThat(result.error()).isFalse();
        assertThat(result.content()).contains("\"balance\":12.50");
        assertThat(balance(first, "acc_ana")).isEqualTo(new BigDecimal("12.50"));
        assertThat(balance(second, "acc_ana")).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void mistakesAreObservationsTheAgentCanReadNotCrashes() throws Exception {
        ToolSession session = start(task(List.of(), List.of(), List.of()));

        assertThat(session.call("withdraw", Map.of()).content())
                .isEqualTo("unknown tool 'withdraw'; available tools: get_balance, deposit, lottery, broken");
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("account", "acc_ana");
        wrong.put("amount", "5");
        assertThat(session.call("deposit", wrong))
                .isEqualTo(ToolResult.error("invalid arguments for deposit: account_id is required; account is not a "
                        + "parameter; amount must be a number, got the string \"5\" (parameters: account_id, amount)"));
        assertThat(session.call("get_balance", Map.of("account_id", "zed")))
                .isEqualTo(ToolResult.error("no account 'zed'"));
    }

    @Test
    void aRefusedWriteLeavesTheStateAsItWas() throws Exception {
        ToolSession session = start(task(List.of(), List.of(), List.of()));
        Map<String, Object> before = session.state();

        ToolResult refused = session.call("deposit", Map.of("account_id", "acc_ana", "amount", 500));

        assertThat(refused).isEqualTo(ToolResult.error("deposits are limited to 100, got 500"));
        assertThat(session.state()).isEqualTo(before);
    }

    @Test
    void aToolThatCrashesIsTheDomainsBugNotTheAgents() throws Exception {
        ToolSession session = start(task(List.of(), List.of(), List.of()));

        assertThatThrownBy(() -> session.call("broken", Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("tool broken failed").hasMessageContaining("task 't1'")
                .hasMessageContaining("a bug in the domain");
    }

    @Test
    void theScriptedUserOpensWithThePromptThenSaysItsTurnsThenEnds() throws Exception {
        ToolSession session = start(task(List.of(), List.of(), List.of("Yes, go ahead.")));

        assertThat(session.conversation()).containsExactly(new Message(Message.Role.USER, "Please add 5 to my account acc_ana."));
        assertThat(session.send("Shall I add 5?")).contains("Yes, go ahead.");
        assertThat(session.send("Done.")).isEmpty();
        assertThat(session.send("Anything else?")).isEmpty();
        assertThat(session.conversation()).extracting(Message::content)
                .containsExactly("Please add 5 to my account acc_ana.", "Shall I add 5?", "Yes, go ahead.", "Done.");
    }

    @Test
    void theTranscriptRecordsMessagesAndToolCallsInOrder() throws Exception {
        ToolSession session = start(task(List.of(), List.of(), List.of("Yes.")));

        session.call("get_balance", Map.of("account_id", "acc_ana"));
        session.send("Shall I?");
        session.call("deposit", Map.of("account_id", "nobody", "amount", 1));

        List<TraceStep> transcript = session.transcript();
        assertThat(transcript).extracting(TraceStep::kind)
                .containsExactly("message", "tool_call", "message", "message", "tool_call");
        assertThat(transcript.get(1).data()).containsEntry("name", "get_balance").containsEntry("result", "10.00")
                .containsEntry("error", false);
        assertThat(transcript.get(4).data()).containsEntry("result", "no account 'nobody'").containsEntry("error", true);
        assertThat(transcript.get(2).asMessage()).contains(new Message(Message.Role.AGENT, "Shall I?"));
    }

    @Test
    void theExpectedStateReplaysTheGoldActionsOnAFreshCopy() throws Exception {
        ToolSession session = start(task(List.of(DEPOSIT_5, DEPOSIT_5), List.of(), List.of()));
        session.call("deposit", Map.of("account_id", "acc_bo", "amount", 1));

        assertThat(((Map<?, ?>) ((Map<?, ?>) session.expectedState().get("accounts")).get("acc_ana")).get("balance"))
                .isEqualTo(new BigDecimal("20.00"));
        assertThat(balance(session, "acc_ana")).isEqualTo(new BigDecimal("10.00"));
        assertThat(session.transcript()).hasSize(2); // the replay is not the agent's doing
    }

    @Test
    void aFailingGoldActionNamesTheTaskTheActionAndWhy() throws Exception {
        Map<String, Object> tooMuch = Map.of("name", "deposit", "arguments", Map.of("account_id", "acc_ana", "amount", 500));
        ToolSession session = start(task(List.of(DEPOSIT_5, tooMuch), List.of(), List.of()));

        assertThatThrownBy(session::expectedState).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("task 't1': gold action 2 of 2 (deposit")
                .hasMessageContaining("deposits are limited to 100");
    }

    @Test
    void malformedGoldActionsAreTheSuitesBug() throws Exception {
        Task task = new Task("t2", "hi", Map.of("actions", List.of("deposit")), null, Map.of(), null);
        ToolSession session = start(task);

        assertThatThrownBy(session::expectedState).isInstanceOf(EnvironmentException.class)
                .hasMessage("task 't2', answer.actions[0]: expected {\"name\": TOOL, \"arguments\": {...}}, got the "
                        + "string \"deposit\"");
    }

    @Test
    void solvingReplaysTheGoldActionsInTheSessionAndTellsTheOutputs() throws Exception {
        ToolSession session = start(task(List.of(DEPOSIT_5), List.of("15.00"), List.of()));

        assertThat(session.solve().answer()).isEqualTo("15.00");

        assertThat(session.state()).isEqualTo(session.expectedState());
        assertThat(session.conversation()).last().isEqualTo(new Message(Message.Role.AGENT, "15.00"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void replacingTheStateIsWhatGradingThenSees() throws Exception {
        ToolSession session = start(task(List.of(), List.of(), List.of()));
        Map<String, Object> state = session.state();
        ((Map<String, Object>) state.get("accounts")).remove("acc_bo");

        session.replaceState(state);

        assertThat((Map<String, Object>) session.state().get("accounts")).containsOnlyKeys("acc_ana");
    }
}

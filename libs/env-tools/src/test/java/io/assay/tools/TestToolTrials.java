package io.assay.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.assay.core.HarnessModule;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RescoreResult;
import io.assay.launcher.RunSettings;
import io.assay.core.run.Rescorer;
import io.assay.core.run.RunDirectory;
import io.assay.core.run.Runner;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs in a tool environment: what each reference agent scores, and what the trial records keep. */
class TestToolTrials {
    private final Injector injector = Guice.createInjector(Stage.PRODUCTION, new HarnessModule(List.of()));
    private final Runner runner = injector.getInstance(Runner.class);

    @TempDir
    Path temp;

    private List<TrialRecord> run(String agent, Options options) throws Exception {
        Path suite = ToolAuditFixture.ledger("clean");
        RunSettings request = RunSettings.builder(suite, agent).agentOptions(options).concurrency(2)
                .timeout(Duration.ofSeconds(30)).out(temp.resolve(agent)).arguments(List.of("run", suite.toString())).build();
        return trials(runner.start(request).execute(ProgressListener.NONE).directory());
    }

    private static List<TrialRecord> trials(Path directory) {
        List<TrialRecord> trials = new ArrayList<>();
        RunDirectory.open(directory).forEachTrial(trial -> trials.add(trial.record()));
        return trials;
    }

    private static List<String> kinds(TrialRecord trial) {
        return trial.output().trace().stream().map(TraceStep::kind).toList();
    }

    @Test
    void theOracleReplaysTheGoldActionsAndPassesEveryTask() throws Exception {
        List<TrialRecord> trials = run("oracle", Options.empty());

        assertThat(trials).hasSize(2).allMatch(TrialRecord::passed);
        TrialRecord both = trials.stream().filter(t -> t.task().equals("deposit-both")).findFirst().orElseThrow();
        assertThat(kinds(both)).containsExactly("message", "tool_call", "tool_call", "message");
        assertThat(both.output().trace().get(1).data()).containsEntry("name", "deposit").containsEntry("error", false);
    }

    @Test
    void rescoringRebuildsTheEndStateByReplayingTheRecordedToolCalls() throws Exception {
        run("oracle", Options.empty());
        run("null", Options.empty());
        Rescorer rescorer = injector.getInstance(Rescorer.class);

        RescoreResult oracle = rescorer.rescore(temp.resolve("oracle"), null, List.of());
        RescoreResult nothing = rescorer.rescore(temp.resolve("null"), null, List.of());

        assertThat(oracle.regraded()).isEqualTo(2);
        assertThat(trials(oracle.directory())).hasSize(2).allMatch(TrialRecord::passed);
        assertThat(nothing.changes()).isEmpty();
        assertThat(trials(nothing.directory())).hasSize(2).noneMatch(TrialRecord::passed);
    }

    @Test
    void theNullAgentDoesNothingSaysNothingAndFailsEveryTask() throws Exception {
        List<TrialRecord> trials = run("null", Options.empty());

        assertThat(trials).hasSize(2).noneMatch(TrialRecord::passed);
        assertThat(trials).allSatisfy(trial -> {
            assertThat(trial.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(kinds(trial)).containsExactly("message"); // the user's opening, nothing more
            assertThat(trial.reward().explanation()).contains("end state differs", "balance expected");
        });
    }

    @Test
    void theScriptedAgentReplaysToolCallsAndTheirErrorsAreRecordedObservations() throws Exception {
        Path script = temp.resolve("script.jsonl");
        Files.writeString(script, """
                {"task_id": "deposit-5", "tool_calls": [{"name": "deposit", "arguments": {"account_id": "acc_ana", "amount": 500}}, {"name": "deposit", "arguments": {"account_id": "acc_ana", "amount": 5}}], "output": "Done: 5 added."}
                {"task_id": "deposit-both", "tool_calls": [{"name": "withdraw", "arguments": {}}], "output": "Sorry."}
                """);

        List<TrialRecord> trials = run("scripted", Options.of(Map.of("file", script.toString())));

        TrialRecord recovered = trials.stream().filter(t -> t.task().equals("deposit-5")).findFirst().orElseThrow();
        assertThat(recovered.passed()).isTrue();
        assertThat(kinds(recovered)).containsExactly("message", "tool_call", "tool_call", "message", "message");
        assertThat(recovered.output().trace().get(1).data())
                .containsEntry("error", true).containsEntry("result", "deposits are limited to 100, got 500");
        TrialRecord wrong = trials.stream().filter(t -> t.task().equals("deposit-both")).findFirst().orElseThrow();
        assertThat(wrong.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(wrong.passed()).isFalse();
        assertThat((String) wrong.output().trace().get(1).data().get("result")).startsWith("unknown tool 'withdraw'");
    }

    @Test
    void anAgentThatCrashesKeepsTheTrajectoryItMadeSoFar() throws Exception {
        Path script = temp.resolve("crash.jsonl");
        Files.writeString(script, """
                {"task_id": "deposit-5", "tool_calls": [{"name": "get_balance", "arguments": {"account_id": "acc_ana"}}], "output": "x"}
                """);

        List<TrialRecord> trials = run("scripted", Options.of(Map.of("file", script.toString())));

        TrialRecord missing = trials.stream().filter(t -> t.task().equals("deposit-both")).findFirst().orElseThrow();
        assertThat(missing.outcome()).isEqualTo(Outcome.AGENT_ERROR);
        assertThat(missing.error()).contains("no prediction for task 'deposit-both'");
        assertThat(kinds(missing)).containsExactly("message");
    }
}

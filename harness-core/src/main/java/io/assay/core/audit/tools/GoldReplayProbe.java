package io.assay.core.audit.tools;

import io.assay.core.audit.tools.ToolTrial.Acted;
import io.assay.spi.AuditContext;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.Task;
import io.assay.spi.ToolCall;
import io.assay.spi.ToolEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gold actions (ABC T.7, O.f.2): replayed on a fresh copy, every gold action must succeed, and
 * replaying them again, in the state check and in the session itself, must give the same state
 * every time. A failing action makes the task unsolvable as written; a replay that varies makes
 * its expected state a coin toss.
 */
public final class GoldReplayProbe extends ToolProbe {

    @Override
    public String name() {
        return "tool-gold-replay";
    }

    @Override
    public String description() {
        return "every gold action succeeds when replayed, and replays always reach the same state";
    }

    @Override
    public List<String> covers() {
        return List.of("T.7", "O.f.2");
    }

    @Override
    List<Finding> auditTask(AuditContext context, Task task) throws Exception {
        List<Replay> replays = new ArrayList<>();
        for (int repeat = 0; repeat < context.repeats(); repeat++) {
            ToolTrial<Replay> trial = ToolTrial.run(context, task, 0, GoldReplayProbe::replay);
            if (trial.found() == null) {
                return List.of(finding(task, "the gold actions could not be replayed: " + trial.verdict(), trial.verdict(),
                        "the gold actions could not be replayed"));
            }
            replays.add(trial.found());
        }
        for (Replay replay : replays) {
            if (replay.failure() != null) {
                return List.of(finding(task, replay.failure() + ". Fix the action or the task's starting data",
                        Map.of("failure", replay.failure()), "a gold action fails"));
            }
        }
        List<Map<String, Object>> reached = replays.stream().flatMap(replay -> replay.states().stream()).toList();
        if (reached.stream().anyMatch(state -> !StateHash.same(state, reached.getFirst()))) {
            // Only now the fingerprints, to show how many states there were: hashing reads a whole state.
            Set<String> states = new LinkedHashSet<>();
            reached.forEach(state -> states.add(StateHash.of(state)));
            int count = reached.size();
            return List.of(finding(task, "replaying the gold actions " + count + " times on fresh copies "
                    + "reached " + states.size() + " different states: a tool or the starting state is "
                    + "nondeterministic, so the state check compares against a moving target",
                    Map.of("state_hashes", List.copyOf(states)), "replaying the gold actions reaches different states"));
        }
        return List.of();
    }

    /** Two replays in one trial: the environment's own expected state, and the gold actions run in the session. */
    private static Acted<Replay> replay(ToolEnvironment environment) throws InterruptedException {
        Map<String, Object> expected;
        try {
            expected = environment.expectedState();
        } catch (EnvironmentException e) {
            return Acted.silently(new Replay(List.of(), e.getMessage()));
        }
        List<Map<String, Object>> states = new ArrayList<>(List.of(expected));
        if (environment instanceof ReferenceSolution reference) {
            reference.solve();
            states.add(environment.state());
            // A domain that skips failing gold actions (as tau-bench's evaluators do) still refused them in the session.
            Optional<String> refused = refusedGoldCall(environment);
            if (refused.isPresent()) {
                return Acted.silently(new Replay(states, refused.get()));
            }
        }
        return Acted.silently(new Replay(states, null));
    }

    /** The first call of the reference solution that the session refused, described as the state check would. */
    private static Optional<String> refusedGoldCall(ToolEnvironment environment) {
        if (!(environment instanceof EnvironmentSession session)) {
            return Optional.empty();
        }
        List<ToolCall> calls = session.transcript().stream().flatMap(step -> ToolCall.from(step).stream()).toList();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            if (call.result().error()) {
                return Optional.of("gold action " + (i + 1) + " of " + calls.size() + " (" + call.name() + " "
                        + call.arguments() + ") failed when replayed: " + call.result().content());
            }
        }
        return Optional.empty();
    }

    private Finding finding(Task task, String message, Map<String, Object> evidence, String cause) {
        return new Finding(name(), covers(), Severity.ERROR, task.id(), message, new LinkedHashMap<>(evidence), cause);
    }

    /** What one trial's replays reached, or why they failed. */
    private record Replay(List<Map<String, Object>> states, String failure) {
    }
}

package io.assay.testkit;

import io.assay.spi.Options;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Task} by naming only what a test cares about; everything else is what a suite
 * file that leaves it out gives: an empty prompt, no answer, no metadata, the suite's reward.
 * As suite loaders do, the reference solution is the answer unless {@link #solution} says otherwise.
 *
 * <pre>{@code
 * Task task = TaskBuilder.task("capital").prompt("Capital of France?").answer("Paris").build();
 * Task graded = TaskBuilder.task("q7").answer(42).reward(Specs.reward("numeric", "tolerance", 0.5))
 *         .metadata("difficulty", "easy").build();
 * }</pre>
 */
public final class TaskBuilder {
    private final String id;
    private String prompt = "";
    private Object answer;
    private Object solution;
    private boolean solutionGiven;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private Options reward;
    private List<String> userTurns = List.of();

    private TaskBuilder(String id) {
        this.id = id;
    }

    /** A task with this id, unique within its suite. */
    public static TaskBuilder task(String id) {
        return new TaskBuilder(id);
    }

    /** What the agent is given. */
    public TaskBuilder prompt(String text) {
        this.prompt = text;
        return this;
    }

    /** The ground truth the reward check compares against (JSON-shaped). */
    public TaskBuilder answer(Object value) {
        this.answer = value;
        return this;
    }

    /** The reference output the oracle answers, when it is not the answer; may be {@code null}. */
    public TaskBuilder solution(Object value) {
        this.solution = value;
        this.solutionGiven = true;
        return this;
    }

    /** One metadata entry; results are segmented by its key. */
    public TaskBuilder metadata(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    /** This task's own reward spec, instead of the suite's. */
    public TaskBuilder reward(Options spec) {
        this.reward = spec;
        return this;
    }

    /** In a tool environment, what the scripted user says after the prompt, one turn per agent message. */
    public TaskBuilder userTurns(List<String> turns) {
        this.userTurns = turns;
        return this;
    }

    public Task build() {
        return new Task(id, prompt, answer, solutionGiven ? solution : answer, metadata, reward, userTurns);
    }
}

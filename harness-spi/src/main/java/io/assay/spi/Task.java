package io.assay.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task of a suite: what the agent is asked, and what the reward check compares against.
 *
 * <p>{@code answer}, {@code solution} and metadata values are JSON-shaped ({@code String},
 * {@code Number}, {@code Boolean}, {@code List}, {@code Map} or {@code null}).
 *
 * <pre>{@code
 * new Task("add-1", "What is 2 + 3?", 5, 5, Map.of("difficulty", "easy"), null);
 * }</pre>
 *
 * @param id unique within the suite
 * @param prompt what the agent is given
 * @param answer the ground truth the reward check uses
 * @param solution the reference output the oracle agent returns; loaders default it to {@code answer},
 *     as {@link SuiteLoader.Context#checkedSolution} writes it
 * @param metadata free-form; results are segmented by its keys
 * @param reward this task's reward spec, or {@code null} to use the suite's
 * @param userTurns in a {@link ToolEnvironment}, what the scripted user says after the prompt, one
 *     turn per agent message; empty elsewhere
 */
public record Task(String id, String prompt, Object answer, Object solution,
                   Map<String, Object> metadata, Options reward, List<String> userTurns) {

    public Task {
        Objects.requireNonNull(id, "id");
        prompt = prompt == null ? "" : prompt;
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        userTurns = userTurns == null ? List.of() : List.copyOf(userTurns);
    }

    /** A task without a conversation: the prompt is all the agent is told. */
    public Task(String id, String prompt, Object answer, Object solution, Map<String, Object> metadata,
                Options reward) {
        this(id, prompt, answer, solution, metadata, reward, List.of());
    }
}

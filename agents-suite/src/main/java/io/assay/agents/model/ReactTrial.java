package io.assay.agents.model;

import io.assay.models.ChatMessage;
import io.assay.models.ModelResponse;
import io.assay.spi.Tool;
import io.assay.spi.TraceStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One trial of the {@code react} loop: its conversation with the model, its trace and what it has used of its limits. */
final class ReactTrial {

    private final RecordingModel model;
    private final ReactLimits limits;
    private final long startNanos = System.nanoTime();
    private final List<ChatMessage> messages;
    private final List<TraceStep> trace = new ArrayList<>();
    private int turns;
    private long tokens;

    ReactTrial(RecordingModel model, ReactLimits limits, List<ChatMessage> opening) {
        this.model = model;
        this.limits = limits;
        this.messages = new ArrayList<>(opening);
    }

    /**
     * The model's next reply, already added to the conversation; empty once a limit is reached,
     * after recording which one in a note.
     */
    Optional<ModelResponse> next(List<Tool> tools) throws InterruptedException {
        Optional<String> reached = reachedLimit();
        if (reached.isPresent()) {
            trace.add(TraceStep.note("stopped: " + reached.get()));
            return Optional.empty();
        }
        ModelResponse response = model.call(messages, tools, trace);
        turns++;
        tokens += response.usage().totalTokens();
        messages.add(response.asMessage());
        return Optional.of(response);
    }

    void add(ChatMessage message) {
        messages.add(message);
    }

    void record(TraceStep step) {
        trace.add(step);
    }

    /** What is left of the trial's time limit; zero or negative once it has passed. */
    Duration timeLeft() {
        return limits.maxTime().minusNanos(System.nanoTime() - startNanos);
    }

    List<TraceStep> trace() {
        return trace;
    }

    private Optional<String> reachedLimit() {
        if (turns >= limits.maxTurns()) {
            return Optional.of(ReactLimits.MAX_TURNS + " reached: " + turns + " model calls made");
        }
        if (tokens >= limits.maxTotalTokens()) {
            return Optional.of(ReactLimits.MAX_TOTAL_TOKENS + " reached: " + tokens + " tokens used of "
                    + limits.maxTotalTokens());
        }
        if (!timeLeft().isPositive()) {
            return Optional.of(ReactLimits.MAX_SECONDS + " reached: " + limits.maxTime().toSeconds() + " s passed");
        }
        return Optional.empty();
    }
}

package io.assay.agents;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.ToolEnvironment;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code --agent scripted -A file=preds.jsonl}: replays recorded outputs, one JSON object a line:
 * {@code {"task_id": "q1", "output": "42", "epoch": 0}}. Without {@code epoch} a prediction
 * applies to every epoch. Scores a model's saved outputs, or a hand-written adversarial answer
 * set, without calling anything; a task with no prediction is an agent failure.
 *
 * <p>In a tool environment a line may also list {@code tool_calls}, {@code [{"name": ..., "arguments":
 * {...}}]}, made in order before the output is said to the user; their results are recorded, not
 * acted on, as a replayed trajectory would be.
 */
public final class ScriptedAgentFactory implements AgentFactory {

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String description() {
        return "replays outputs and tool calls from a JSONL file of {task_id, output, epoch?, tool_calls?} (option: file)";
    }

    @Override
    public Agent create(Options options) {
        options.allowOnly("file");
        String field = options.field("file");
        Path file;
        try {
            file = Path.of(options.string("file"));
        } catch (InvalidPathException e) {
            throw new InvalidOptionException(field, "expected a file path: " + e.getMessage());
        }
        Predictions predictions = Predictions.load(file, field);
        return input -> replay(predictions.prediction(input.task().id(), input.epoch()), input.environment());
    }

    private static AgentOutput replay(Prediction prediction, EnvironmentSession session) throws InterruptedException {
        if (prediction.toolCalls().isEmpty()) {
            return AgentOutput.of(prediction.output());
        }
        if (!(session instanceof ToolEnvironment tools)) {
            throw new IllegalStateException("the script has tool calls, but this suite's environment has no tools");
        }
        for (Prediction.Call call : prediction.toolCalls()) {
            tools.call(call.name(), call.arguments());
        }
        if (!prediction.output().isEmpty()) {
            tools.send(prediction.output());
        }
        return AgentOutput.of(prediction.output());
    }
}

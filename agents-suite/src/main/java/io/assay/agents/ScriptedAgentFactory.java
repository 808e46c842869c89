package io.assay.agents;

import io.assay.spi.Agent;
import io.assay.spi.AgentFactory;
import io.assay.spi.AgentOutput;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code --agent scripted -A file=preds.jsonl}: replays recorded outputs, one JSON object a line:
 * {@code {"task_id": "q1", "output": "42", "epoch": 0}}. Without {@code epoch} a prediction
 * applies to every epoch. Scores a model's saved outputs, or a hand-written adversarial answer
 * set, without calling anything; a task with no prediction is an agent failure.
 */
public final class ScriptedAgentFactory implements AgentFactory {

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public String description() {
        return "replays outputs from a JSONL file of {task_id, output, epoch?} (option: file)";
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
        return input -> AgentOutput.of(predictions.output(input.task().id(), input.epoch()));
    }
}

package io.assay.cli;

import io.assay.kit.JsonValues;
import io.assay.spi.Message;
import io.assay.spi.ModelCall;
import io.assay.spi.ToolCall;
import io.assay.spi.TraceStep;
import io.assay.spi.TrialRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code assay report RUN --task ID}: every trial of one task, epoch by epoch: its outcome and
 * reward, then its transcript: the conversation, tool calls with their arguments and results,
 * model calls with tokens and latency, sandbox commands with exit code and output, notes. All run
 * text passes through {@link TerminalText}.
 */
final class TaskTranscripts {
    /** Long tool results and command output are cut here; the run directory keeps them whole. */
    private static final int OUTPUT_CHARS = 2_000;

    private final String task;
    private final List<TrialRecord> trials = new ArrayList<>();

    TaskTranscripts(String task) {
        this.task = task;
    }

    void add(TrialRecord trial) {
        if (trial.task().equals(task)) {
            trials.add(trial);
        }
    }

    boolean isEmpty() {
        return trials.isEmpty();
    }

    void print(PrintWriter out) {
        trials.sort(Comparator.comparingInt(TrialRecord::epoch));
        for (TrialRecord trial : trials) {
            out.printf(Locale.ROOT, "== task %s, epoch %d: %s%s%n", task, trial.epoch(),
                    trial.outcome().name().toLowerCase(Locale.ROOT),
                    trial.reward() == null ? "" : String.format(Locale.ROOT, ", score %.3f, %s", trial.reward().score(),
                            trial.passed() ? "passed" : "not passed"));
            if (trial.reward() != null) {
                out.println("reward: " + safe(trial.reward().explanation()));
            }
            if (trial.error() != null) {
                out.println("error: " + safe(trial.error()));
            }
            trial.output().trace().forEach(step -> print(step, out));
            if (!trial.output().answer().isEmpty()) {
                out.println("answer: " + safe(trial.output().answer()));
            }
            out.println();
        }
    }

    private static void print(TraceStep step, PrintWriter out) {
        var message = step.asMessage();
        var tool = ToolCall.from(step);
        var model = ModelCall.from(step);
        if (message.isPresent()) {
            out.println((message.get().role() == Message.Role.USER ? "user: " : "agent: ") + safe(message.get().content()));
        } else if (tool.isPresent()) {
            ToolCall call = tool.get();
            out.println("tool " + call.name() + " " + safe(JsonValues.json(call.arguments())));
            out.println(indent((call.result().error() ? "! error: " : "= ") + cut(call.result().content())));
        } else if (model.isPresent()) {
            ModelCall call = model.get();
            out.printf(Locale.ROOT, "model call %s/%s%s: %d tokens in, %d out, %d ms%n", call.provider(), call.model(),
                    "user".equals(step.data().get("actor")) ? " (the user)" : "", call.inputTokens(), call.outputTokens(),
                    call.latencyMs());
        } else if (step.kind().equals("command")) {
            Map<String, Object> data = step.data();
            out.println("$ " + safe(String.valueOf(data.get("command"))) + "  (exit " + data.get("exit_code")
                    + (Boolean.TRUE.equals(data.get("timed_out")) ? ", timed out" : "") + ")");
            printOutput("stdout", data.get("stdout"), out);
            printOutput("stderr", data.get("stderr"), out);
        } else if (step.kind().equals("note")) {
            out.println("note: " + safe(String.valueOf(step.data().get("text"))));
        } else {
            out.println(step.kind() + ": " + cut(JsonValues.json(step.data())));
        }
    }

    private static void printOutput(String stream, Object text, PrintWriter out) {
        if (text instanceof String output && !output.isEmpty()) {
            out.println(indent(stream + ": " + cut(output)));
        }
    }

    private static String cut(String text) {
        String safe = safe(text);
        return safe.length() <= OUTPUT_CHARS ? safe
                : safe.substring(0, OUTPUT_CHARS) + "... (" + (safe.length() - OUTPUT_CHARS) + " more characters in trials.jsonl)";
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static String safe(String text) {
        return TerminalText.safe(text == null ? "" : text);
    }
}

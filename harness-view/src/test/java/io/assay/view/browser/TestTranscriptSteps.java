package io.assay.view.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.docker.DockerRequirement;
import io.assay.launcher.Assay;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.launcher.TaskSelection;
import io.assay.spi.Options;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import io.assay.view.Fixtures;
import io.assay.view.ViewServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The trial page's transcript, step by step, for each kind of step a real run records: the retail
 * shop's messages and tool calls (one refused), a model-backed agent's model calls, a judge's
 * verdict and calls, a sandbox's commands, and an answer long enough to be folded. Every run is
 * made by the engine with real plugins (model endpoints are the test kit's fake server on
 * loopback); every expected value is read from the run's {@code trials.jsonl}.
 */
class TestTranscriptSteps {
    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();
    /** The key variable surefire sets (see the pom), as a real key would be in the environment. */
    private static final String KEY_VARIABLE = "ASSAY_TEST_MODEL_KEY";
    private static final String RETAIL_TASK = "cancel-yusuf-mistake";
    /** The fold point of the pages (app.js FOLD_AT). */
    private static final int FOLD_AT = 4000;

    @TempDir
    static Path work;
    @AutoClose
    static FakeOpenAiServer agentModel;
    @AutoClose
    static FakeOpenAiServer reactModel;
    @AutoClose
    static FakeOpenAiServer judgeModel;
    @AutoClose
    static ViewServer viewer;
    /** The built-in plugins on the class path, and env-docker from its plugin jar. */
    static Assay engine;
    static Path retail;
    static Path react;
    static Path chat;
    static Path judged;
    static Path longAnswer;
    static String longText;

    @BeforeAll
    static void runAndStartTheViewer() throws Exception {
        engine = Assay.open(List.of(Path.of(System.getProperty("assay.testPluginDir", "target/test-plugins"))));
        Path repo = Path.of(System.getProperty("assay.repoRoot", ".."));

        retail = run(RunSettings.builder(repo.resolve("examples/retail"), "oracle")
                .selection(only(RETAIL_TASK)).out(Fixtures.served(work).resolve("retail-oracle")));

        // A model that first looks up an order that does not exist (a refused tool call), then talks
        // to the scripted customer until they end the conversation.
        reactModel = new FakeOpenAiServer();
        reactModel.enqueue(Reply.toolCall("call_1", "get_order_details", Map.of("order_id", "#W0000000")));
        reactModel.defaultReply(Reply.text("I could not find that order; could you check its number?").withUsage(321, 17));
        react = run(RunSettings.builder(repo.resolve("examples/retail"), "react")
                .agentOptions(modelOptions("openai/react-test", reactModel))
                .selection(only(RETAIL_TASK)).out(Fixtures.served(work).resolve("retail-react")));

        agentModel = new FakeOpenAiServer();
        agentModel.defaultLatency(Duration.ofMillis(120));
        agentModel.defaultReply(Reply.text("Paris is the capital.\nANSWER: Paris").servedAs("bench-2026-01-01")
                .withUsage(1234, 56));
        Path capitals = suite("capitals", "{type: exact}", Map.of("france", "Paris"));
        chat = run(RunSettings.builder(capitals, "chat").agentOptions(modelOptions("openai/bench", agentModel))
                .out(Fixtures.served(work).resolve("capitals-chat")));

        judgeModel = new FakeOpenAiServer();
        judgeModel.defaultReply(Reply.text("{\"verdict\": \"correct\", \"reason\": \"The answer names Paris, as the reference does.\"}")
                .withUsage(412, 23));
        Path judgedSuite = suite("judged", "{type: judge, rubric: 'Correct when the answer names the same city as the reference.'}",
                Map.of("france", "Paris"));
        judged = run(RunSettings.builder(judgedSuite, "oracle")
                .checkDefaults(Map.of("judge", modelOptions("openai/judge-test", judgeModel)))
                .out(Fixtures.served(work).resolve("judged-oracle")));

        longText = longText();
        longAnswer = run(RunSettings.builder(suite("long", "{type: exact}", Map.of("essay", longText)), "oracle")
                .out(Fixtures.served(work).resolve("long-oracle")));

        viewer = ViewServer.start(List.of(Fixtures.served(work)), "127.0.0.1", 0);
    }

    @Test
    void theShopsMessagesAndToolCallsShowAsRecorded() throws Exception {
        List<JsonNode> trace = openTrial(retail, RETAIL_TASK);

        assertThat(kinds(trace)).contains("message", "tool_call");
        // The oracle replays the reference actions without a word of its own: the customer's messages only.
        assertThat(roles(trace)).contains("user");
        assertThat(trace).filteredOn(step -> step.path("kind").asText().equals("tool_call"))
                .extracting(step -> step.path("data").path("name").asText()).contains("cancel_pending_order");
        assertStepsShown(trace);
        assertThat(CHROMIUM.findAll("li.step-tool_call pre.tool-result.tool-error")).as("the oracle's calls all succeed").isEmpty();
        assertRewardShown(Fixtures.trials(retail, RETAIL_TASK).getFirst());
    }

    @Test
    void aRefusedToolCallIsMarkedAsAnError() throws Exception {
        List<JsonNode> trace = openTrial(react, RETAIL_TASK);

        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            JsonNode step = trace.get(i);
            if (step.path("kind").asText().equals("tool_call") && step.path("data").path("error").asBoolean()) {
                refused.add(i);
            }
        }
        assertThat(refused).as("the lookup of an order that does not exist is refused").hasSize(1);
        assertThat(kinds(trace)).contains("message", "tool_call", "model_call");
        assertThat(roles(trace)).contains("user", "agent");
        assertStepsShown(trace);
        WebElement step = step(refused.getFirst());
        assertThat(step.findElements(By.cssSelector("pre.tool-result.tool-error"))).hasSize(1);
        assertThat(CHROMIUM.findAll("pre.tool-result.tool-error")).hasSize(1);
    }

    @Test
    void aModelCallShowsTheModelItsTokensAndLatency() throws Exception {
        List<JsonNode> trace = openTrial(chat, "france");

        List<JsonNode> calls = trace.stream().filter(step -> step.path("kind").asText().equals("model_call")).toList();
        assertThat(calls).hasSize(1);
        JsonNode call = calls.getFirst().path("data");
        assertThat(call.path("input_tokens").asLong()).isEqualTo(1234);
        assertThat(call.path("latency_ms").asDouble()).isGreaterThanOrEqualTo(120);
        assertStepsShown(trace);
        WebElement step = CHROMIUM.find("li.step.step-model_call");
        assertThat(text(step, ".model")).isEqualTo("openai/bench");
        assertThat(text(step, ".tokens")).isEqualTo("1,234 tokens in · 56 out");
        assertThat(text(step, ".served-model")).contains("served as bench-2026-01-01");
    }

    @Test
    void aJudgesVerdictAndCallsShowWithTheRewardsExplanationAndEvidence() throws Exception {
        openTrial(judged, "france");
        JsonNode trial = Fixtures.trials(judged, "france").getFirst();
        JsonNode evidence = trial.path("reward").path("evidence");
        WebElement section = CHROMIUM.find("section.trial[data-epoch='0']");

        assertThat(trial.path("outcome").asText()).isEqualTo("completed");
        assertRewardShown(trial);

        JsonNode calls = evidence.path("model_calls");
        assertThat(calls).hasSize(1);
        List<WebElement> blocks = section.findElements(By.cssSelector(".judge-call"));
        assertThat(blocks).hasSize(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            assertModelCallShown(blocks.get(i), calls.get(i));
        }
        assertThat(text(blocks.getFirst(), ".model")).isEqualTo("openai/judge-test");
        assertThat(text(blocks.getFirst(), ".tokens")).isEqualTo("412 tokens in · 23 out");

        JsonNode judges = evidence.path("judges");
        assertThat(judges).hasSize(1);
        List<WebElement> verdicts = section.findElements(By.cssSelector(".judge-verdict"));
        assertThat(verdicts).hasSize(judges.size());
        assertThat(text(verdicts.getFirst(), ".verdict")).isEqualTo(judges.get(0).path("verdict").asText()).isEqualTo("correct");
        assertThat(text(verdicts.getFirst(), ".rationale")).isEqualTo(judges.get(0).path("reason").asText())
                .isEqualTo("The answer names Paris, as the reference does.");
        assertThat(verdicts.getFirst().getText()).contains("correct", "The answer names Paris");
    }

    @Test
    @ExtendWith(DockerRequirement.class)
    void aSandboxsCommandsShowTheirExitCodeStdoutAndStderr() throws Exception {
        // One task of the terminal example, its solution also writing to stdout and stderr.
        Path suite = work.resolve("suites/terminal");
        Path example = Path.of(System.getProperty("assay.repoRoot", "..")).resolve("examples/terminal");
        Fixtures.copyTree(example.resolve("count-errors"), suite.resolve("count-errors"));
        Files.copy(example.resolve("suite.toml"), suite.resolve("suite.toml"));
        Path solve = suite.resolve("count-errors/solution/solve.sh");
        Files.writeString(solve, Files.readString(solve)
                + "echo \"counted $(cat /app/error_count.txt) errors\"\necho 'the log has no header line' >&2\n");
        Path run = run(RunSettings.builder(suite, "oracle").out(Fixtures.served(work).resolve("terminal-oracle")));

        List<JsonNode> trace = openTrial(run, "count-errors");

        List<JsonNode> commands = trace.stream().filter(step -> step.path("kind").asText().equals("command")).toList();
        assertThat(commands).isNotEmpty();
        assertThat(commands).anySatisfy(command -> {
            assertThat(command.path("data").path("stdout").asText()).startsWith("counted ");
            assertThat(command.path("data").path("stderr").asText()).contains("the log has no header line");
        });
        assertStepsShown(trace);
        assertThat(CHROMIUM.findAll("li.step.step-command")).hasSize(commands.size());
    }

    @Test
    void aLongAnswerIsFoldedAndShowsWholeWhenExpanded() throws Exception {
        openTrial(longAnswer, "essay");
        JsonNode trial = Fixtures.trials(longAnswer, "essay").getFirst();
        String answer = trial.path("output").path("answer").asText();
        assertThat(answer).isEqualTo(longText).hasSizeGreaterThan(FOLD_AT);
        WebElement shown = CHROMIUM.find("section.trial[data-epoch='0'] pre.answer");

        assertThat(shown.getDomAttribute("class")).contains("folded");
        WebElement summary = shown.findElement(By.cssSelector("details.fold > summary"));
        assertThat(summary.getText()).isEqualTo("show all " + answer.length() + " characters");
        WebElement head = shown.findElement(By.cssSelector(".fold-head"));
        WebElement full = shown.findElement(By.cssSelector(".fold-full"));
        assertThat(Chromium.content(head)).isEqualTo(answer.substring(0, FOLD_AT) + "…");
        assertThat(full.isDisplayed()).isFalse();

        summary.click();

        CHROMIUM.waitFor("the whole answer to show", d -> full.isDisplayed());
        assertThat(full.getText()).isEqualTo(answer);
        assertThat(head.isDisplayed()).as("the head hides once the whole text shows").isFalse();
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Checks that each step of {@code trace} is on the page, in order, as its kind is shown: the
     * page's {@code li.step[data-step=i]} for the trace's step {@code i}.
     */
    private static void assertStepsShown(List<JsonNode> trace) throws Exception {
        assertThat(CHROMIUM.findAll("ol.transcript > li.step")).hasSize(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            String kind = trace.get(i).path("kind").asText();
            JsonNode data = trace.get(i).path("data");
            WebElement step = step(i);
            assertThat(step.getDomAttribute("class")).as("step %d", i).contains("step-" + kind);
            switch (kind) {
                case "message" -> {
                    assertThat(text(step, ".role")).as("step %d role", i).isEqualTo(data.path("role").asText());
                    assertThat(text(step, ".content")).as("step %d content", i).isEqualTo(data.path("content").asText());
                }
                case "tool_call" -> {
                    assertThat(text(step, ".tool-name")).as("step %d tool", i).isEqualTo(data.path("name").asText());
                    String arguments = text(step, "pre.tool-arguments");
                    if (data.path("arguments").isTextual()) {
                        assertThat(arguments).as("step %d arguments", i).isEqualTo(data.path("arguments").asText());
                    } else {
                        assertSameJson(arguments, data.path("arguments"));
                    }
                    assertThat(text(step, "pre.tool-result")).as("step %d result", i).isEqualTo(data.path("result").asText());
                    assertThat(step.findElements(By.cssSelector("pre.tool-result.tool-error"))).as("step %d error mark", i)
                            .hasSize(data.path("error").asBoolean() ? 1 : 0);
                }
                case "model_call" -> assertModelCallShown(step, data);
                case "command" -> {
                    assertThat(text(step, "pre.command")).as("step %d command", i).isEqualTo(data.path("command").asText());
                    assertThat(text(step, ".exit-code")).as("step %d exit code", i).isEqualTo(
                            data.path("timed_out").asBoolean() ? "timed out" : "exit " + data.path("exit_code").asText());
                    assertThat(text(step, "pre.stdout")).as("step %d stdout", i).isEqualTo(data.path("stdout").asText());
                    assertThat(text(step, "pre.stderr")).as("step %d stderr", i).isEqualTo(data.path("stderr").asText());
                }
                case "note" -> assertThat(text(step, ".note")).as("step %d note", i).isEqualTo(data.path("text").asText());
                default -> throw new AssertionError("step " + i + " is of a kind this test does not expect: " + kind);
            }
        }
    }

    /** The trial's reward shows its explanation and its evidence as recorded. */
    private static void assertRewardShown(JsonNode trial) throws Exception {
        JsonNode reward = trial.path("reward");
        assertThat(reward.path("explanation").asText()).as("the recorded explanation").isNotBlank();
        WebElement section = CHROMIUM.find("section.trial[data-epoch='" + trial.path("epoch").asInt() + "']");
        assertThat(shown(section.findElement(By.cssSelector(".reward-explanation")))).isEqualTo(reward.path("explanation").asText());
        assertSameJson(shown(section.findElement(By.cssSelector("pre.evidence"))), reward.path("evidence"));
    }

    /** A model call (a transcript step or a judge's call) shows its model, tokens and latency as recorded. */
    private static void assertModelCallShown(WebElement element, JsonNode call) {
        String provider = call.path("provider").asText("");
        assertThat(text(element, ".model")).isEqualTo((provider.isEmpty() ? "" : provider + "/") + call.path("model").asText());
        assertThat(text(element, ".tokens")).isEqualTo(String.format(Locale.US, "%,d tokens in · %,d out",
                call.path("input_tokens").asLong(), call.path("output_tokens").asLong()));
        assertThat(text(element, ".latency")).isEqualTo(milliseconds(call.path("latency_ms").asDouble()));
        assertThat(element.findElements(By.cssSelector(".actor"))).hasSize("user".equals(call.path("actor").asText()) ? 1 : 0);
    }

    /**
     * Checks that {@code shown} is the JSON of {@code recorded}: the same values, numbers compared by
     * value, since JavaScript writes the number 0.0 as 0.
     */
    private static void assertSameJson(String shown, JsonNode recorded) throws Exception {
        JsonNode parsed = Fixtures.JSON.readTree(shown);
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertThat(parsed.equals(numbersByValue, recorded)).as("%s is the JSON of %s", shown, recorded).isTrue();
    }

    /** Milliseconds as the pages write them (app.js fmtMs, whose toFixed rounds the exact value half up). */
    static String milliseconds(double ms) {
        if (ms >= 10000) {
            return new BigDecimal(ms / 1000).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
        }
        return new BigDecimal(ms).setScale(ms >= 100 ? 0 : 1, RoundingMode.HALF_UP).toPlainString() + " ms";
    }

    /** Opens the trial page of {@code task} in {@code run}, and returns the trace its only trial recorded. */
    private static List<JsonNode> openTrial(Path run, String task) throws Exception {
        List<JsonNode> trials = Fixtures.trials(run, task);
        assertThat(trials).as("trials of %s in %s", task, run).hasSize(1);
        CHROMIUM.open(viewer.uri() + "#/run/" + Api.runId(viewer.uri(), run) + "/task/" + task);
        CHROMIUM.waitForPage("trial");
        List<JsonNode> trace = new ArrayList<>();
        trials.getFirst().path("output").path("trace").forEach(trace::add);
        return trace;
    }

    private static WebElement step(int index) {
        return CHROMIUM.find("section.trial[data-epoch='0'] ol.transcript > li.step[data-step='" + index + "']");
    }

    /** The roles of the trace's messages, each once. */
    private static List<String> roles(List<JsonNode> trace) {
        return trace.stream().filter(step -> step.path("kind").asText().equals("message"))
                .map(step -> step.path("data").path("role").asText()).distinct().toList();
    }

    private static List<String> kinds(List<JsonNode> trace) {
        return trace.stream().map(step -> step.path("kind").asText()).distinct().toList();
    }

    /** The text of {@code css} inside {@code element}: all of it, folded or not. */
    private static String text(WebElement element, String css) {
        return shown(element.findElement(By.cssSelector(css)));
    }

    /** An element's whole text as the DOM holds it; of a folded text, the whole text once. */
    private static String shown(WebElement element) {
        List<WebElement> full = element.findElements(By.cssSelector(":scope > details.fold > .fold-full"));
        return Chromium.content(full.isEmpty() ? element : full.getFirst());
    }

    private static Path run(RunSettings.Builder settings) throws Exception {
        return engine.start(settings.build()).execute(ProgressListener.NONE).directory();
    }

    private static TaskSelection only(String task) {
        return new TaskSelection(null, List.of(task), Map.of(), null, null);
    }

    /** An agent's or judge's model options for {@code model} at {@code server}, its key in the variable surefire sets. */
    private static Options modelOptions(String model, FakeOpenAiServer server) {
        return Options.of(Map.of("model", model, "base_url", server.baseUrl(), "api_key_env", KEY_VARIABLE, "max_attempts", 1));
    }

    /** A declarative suite of one task per entry of {@code answers} (task id to reference answer), graded by {@code reward}. */
    private static Path suite(String id, String reward, Map<String, String> answers) throws Exception {
        Path suite = work.resolve("suites/" + id);
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("suite.yaml"), "id: " + id + "\nversion: '1.0.0'\n"
                + "description: A suite of the transcript tests.\nmeasures: Whatever the transcript test needs.\nreward: " + reward + "\n");
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> task : answers.entrySet()) {
            lines.add(Fixtures.JSON.writeValueAsString(Map.of("id", task.getKey(),
                    "prompt", "Reply with exactly the reference answer of " + task.getKey() + ".", "answer", task.getValue())));
        }
        Files.write(suite.resolve("tasks.jsonl"), lines);
        return suite;
    }

    /** Some 6,000 characters of numbered lines: longer than a page shows unfolded. */
    private static String longText() {
        StringBuilder text = new StringBuilder();
        for (int line = 1; text.length() < 6000; line++) {
            text.append("Line ").append(line).append(": the reference answer goes on, and on, and on.\n");
        }
        text.append("The end.");
        return text.toString();
    }

}

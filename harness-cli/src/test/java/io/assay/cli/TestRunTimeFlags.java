package io.assay.cli;

import static io.assay.cli.CliResult.example;
import static io.assay.cli.CliResult.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -E}, {@code --allow-internet}, {@code --user-model}, {@code --judge-model} and
 * {@code --split}: recorded in the manifest, kept by resume and rescore, and bad ones refused in one line.
 */
class TestRunTimeFlags {

    @TempDir
    Path temp;

    private static JsonNode settings(Path run) throws Exception {
        return Json.MAPPER.readTree(run.resolve("manifest.json").toFile()).path("settings");
    }

    /** One {@code error:} line, no hint, no stack trace. */
    private static void assertOneLine(CliResult result, String error) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + error + "\n");
    }

    @Test
    void environmentOptionsReachTheEnvironmentAreRecordedAndResumeUsesThem() throws Exception {
        Path suite = Files.createDirectories(temp.resolve("boxed"));
        Files.writeString(suite.resolve("suite.yaml"), "id: boxed\nreward: {type: exact}\nenvironment: {type: unavailable}\n");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\":\"a\",\"prompt\":\"p\",\"answer\":\"x\"}\n");
        Path out = temp.resolve("run");

        CliResult started = run("run", suite.toString(), "--agent", "oracle", "-E", "reason=no engine on this host",
                "--out", out.toString(), "--progress", "none");
        CliResult resumed = run("run", "--resume", out.toString(), "--progress", "none");

        assertThat(started.err()).contains("error: run failed: the environment could not start: no engine on this host");
        assertThat(settings(out).path("environment_options")).isEqualTo(Json.MAPPER.readTree("{\"reason\": \"no engine on this host\"}"));
        assertThat(resumed.err()).as("the recorded option, without the flag")
                .contains("error: run failed: the environment could not start: no engine on this host");
    }

    @Test
    void anOptionTheEnvironmentDoesNotKnowIsTheEnvironmentsErrorInOneLine() {
        String arithmetic = example("arithmetic");
        String refused = "environment none of suite arithmetic refuses it: environment.%s: unknown field; expected one of [type]";

        assertOneLine(run("run", arithmetic, "--agent", "oracle", "-E", "warm_pool=4", "--out", temp.resolve("r").toString()),
                "-E warm_pool=4: " + refused.formatted("warm_pool"));
        assertOneLine(run("run", arithmetic, "--agent", "oracle", "--allow-internet", "--out", temp.resolve("r").toString()),
                "-E allow_internet=true: " + refused.formatted("allow_internet"));
        assertOneLine(run("audit", arithmetic, "--user-model", "openai/gpt-4o-mini"),
                "-E user_model=openai/gpt-4o-mini: " + refused.formatted("user_model"));
        assertThat(temp.resolve("r")).doesNotExist();
    }

    @Test
    void aShorthandAndTheSameOptionConflict() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--allow-internet",
                "-E", "allow_internet=false", "--out", temp.resolve("r").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: --allow-internet and -E allow_internet= both set the environment's allow_internet");
    }

    @Test
    void aSplitOfASuiteWithoutSplitsIsOneLine() {
        String arithmetic = example("arithmetic");
        String noSplits = "--split: suite " + arithmetic + " has no splits";

        assertOneLine(run("run", arithmetic, "--agent", "oracle", "--split", "test", "--out", temp.resolve("r").toString()),
                noSplits);
        assertOneLine(run("audit", arithmetic, "--split", "test"), noSplits);
        CliResult validate = run("suites", "validate", arithmetic, "--split", "test");
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("error: " + noSplits);
    }

    @Test
    void theJudgeModelIsRecordedAndRescoreMayGiveANewOne() throws Exception {
        Path out = temp.resolve("run");
        CliResult started = run("run", example("arithmetic"), "--agent", "oracle", "--judge-model", "openai/judge-a",
                "--out", out.toString(), "--progress", "none");
        CliResult rescored = run("rescore", out.toString(), "--judge-model", "anthropic/judge-b",
                "--judge-api-key-env", "JUDGE_KEY", "--out", temp.resolve("rescored").toString());
        CliResult kept = run("rescore", out.toString(), "--out", temp.resolve("kept").toString());

        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(settings(out).path("check_defaults")).isEqualTo(Json.MAPPER.readTree("{\"judge\": {\"model\": \"openai/judge-a\"}}"));
        assertThat(rescored.exitCode()).as(rescored.err()).isZero();
        assertThat(settings(temp.resolve("rescored")).path("check_defaults")).isEqualTo(Json.MAPPER.readTree(
                "{\"judge\": {\"model\": \"anthropic/judge-b\", \"api_key_env\": \"JUDGE_KEY\"}}"));
        assertThat(settings(temp.resolve("kept")).path("check_defaults")).isEqualTo(settings(out).path("check_defaults"));
    }

    @Test
    void judgeEndpointFlagsNeedTheJudgeModel() {
        CliResult result = run("run", example("arithmetic"), "--agent", "oracle", "--judge-base-url", "http://localhost:1/v1",
                "--out", temp.resolve("r").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --judge-base-url needs --judge-model\n");
    }

    @Test
    void resumeRefusesNewRunTimeSettings() {
        Path out = temp.resolve("run");
        run("run", example("arithmetic"), "--agent", "oracle", "--limit", "1", "--out", out.toString(), "--progress", "none");

        CliResult result = run("run", "--resume", out.toString(), "-E", "a=b", "--allow-internet", "--judge-model",
                "openai/m", "--split", "test");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --resume takes its settings from the run's manifest.json;"
                + " drop --split, -E, --allow-internet, --judge-model\n");
    }
}

package io.assay.rank.pairwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.assay.launcher.Assay;
import io.assay.launcher.InputException;
import io.assay.launcher.ProgressListener;
import io.assay.launcher.RunSettings;
import io.assay.models.ModelOptions;
import io.assay.rank.arena.Battle;
import io.assay.rank.arena.BattleFile;
import io.assay.spi.Options;
import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Battles judged from two real runs against a fake OpenAI judge that reads the answers it is sent: a
 * judge that knows the better answer picks it in both orders, a judge biased to a position only ties.
 */
class TestPairwiseBattles {
    private static final Pattern FIRST = section("FIRST ANSWER");
    private static final Pattern SECOND = section("SECOND ANSWER");

    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final Assay assay = Assay.open(List.of());

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        server.close();
    }

    private static Pattern section(String name) {
        return Pattern.compile("(?s)=== BEGIN " + name + " (\\w+) ===\\n(.*?)\\n=== END " + name + " \\1 ===");
    }

    /** What a request put in the section, read from the user message the judge received. */
    @SuppressWarnings("unchecked")
    private static String answer(RecordedRequest request, Pattern section) {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) request.json().get("messages");
        Matcher matcher = section.matcher((String) messages.getLast().get("content"));
        assertThat(matcher.find()).as("the section %s", section).isTrue();
        return matcher.group(2);
    }

    private static Reply verdict(String word) {
        return Reply.text("{\"verdict\": \"" + word + "\", \"reason\": \"because\"}");
    }

    private Path suite() throws Exception {
        Path suite = Files.createDirectories(work.resolve("suite"));
        Files.writeString(suite.resolve("suite.yaml"), """
                id: pair
                version: "1"
                description: Two sums.
                measures: Adding.
                reward: {type: exact}
                """);
        Files.writeString(suite.resolve("tasks.jsonl"), """
                {"id": "a", "prompt": "1+1?", "answer": "2"}
                {"id": "b", "prompt": "2+2?", "answer": "4"}
                """);
        return suite;
    }

    /** A scripted run answering task a and task b as given. */
    private Path run(Path suite, String name, String answerOfA, String answerOfB) throws Exception {
        Path predictions = Files.writeString(work.resolve(name + ".jsonl"), """
                {"task_id": "a", "output": "%s"}
                {"task_id": "b", "output": "%s"}
                """.formatted(answerOfA, answerOfB));
        assay.start(RunSettings.builder(suite, "scripted")
                .agentOptions(Options.of(Map.of("file", predictions.toString()))).out(work.resolve(name)).build())
                .execute(ProgressListener.NONE);
        return work.resolve(name);
    }

    private PairwiseJudge judge() {
        ModelOptions model = ModelOptions.from(Options.of(Map.of("model", "openai/judge", "base_url", server.baseUrl(),
                "api_key_env", "JUDGE_KEY")));
        return new PairwiseJudge(model, name -> name.equals("JUDGE_KEY") ? "sk-judge" : null);
    }

    private PairwiseBattles.Result judged(Path a, Path b) throws InterruptedException {
        return PairwiseBattles.judge(a, b, judge(), assay);
    }

    @Test
    void theSecondCallSwapsTheAnswersAndAnAnswerPickedInBothOrdersWins() throws Exception {
        Path suite = suite();
        Path right = run(suite, "right", "2", "4");
        Path wrong = run(suite, "wrong", "3", "**five** and a half");
        // A judge that knows the sums: whichever position the right answer is in, it picks that one.
        server.respondWith(request -> verdict(List.of("2", "4").contains(answer(request, FIRST)) ? "first" : "second"));

        PairwiseBattles.Result result = judged(right, wrong);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.battles()).extracting(Battle::id, Battle::modelA, Battle::modelB, Battle::winner).containsExactly(
                tuple("a#0", "scripted (right)", "scripted (wrong)", Battle.Winner.A),
                tuple("b#0", "scripted (right)", "scripted (wrong)", Battle.Winner.A));
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(request -> answer(request, FIRST) + "|" + answer(request, SECOND))
                .containsExactlyInAnyOrder("2|3", "3|2", "4|**five** and a half", "**five** and a half|4");
        Battle b = result.battles().get(1);
        assertThat(b.rater()).containsEntry("judge", "openai/judge");
        assertThat(b.features()).containsEntry("tokens_a", 1.0).containsEntry("tokens_b", 4.0)
                .containsEntry("markdown_a", 0.0).containsEntry("markdown_b", 1.0)
                .containsKeys("latency_ms_a", "latency_ms_b");
    }

    @Test
    void aJudgeThatAlwaysPicksThePositionOnlyTies() throws Exception {
        Path suite = suite();
        server.defaultReply(verdict("first"));

        PairwiseBattles.Result result = judged(run(suite, "right", "2", "4"), run(suite, "wrong", "3", "5"));

        assertThat(result.battles()).extracting(Battle::winner).containsExactly(Battle.Winner.TIE, Battle.Winner.TIE);
    }

    @Test
    void bothOrdersAreCombinedIntoOneWinner() {
        assertThat(PairwiseBattles.winner(Pick.FIRST, Pick.SECOND)).isEqualTo(Battle.Winner.A);
        assertThat(PairwiseBattles.winner(Pick.SECOND, Pick.FIRST)).isEqualTo(Battle.Winner.B);
        assertThat(PairwiseBattles.winner(Pick.FIRST, Pick.FIRST)).isEqualTo(Battle.Winner.TIE);
        assertThat(PairwiseBattles.winner(Pick.SECOND, Pick.TIE)).isEqualTo(Battle.Winner.TIE);
        assertThat(PairwiseBattles.winner(Pick.TIE, Pick.TIE)).isEqualTo(Battle.Winner.TIE);
        assertThat(PairwiseBattles.winner(Pick.BOTH_BAD, Pick.BOTH_BAD)).isEqualTo(Battle.Winner.BOTH_BAD);
        assertThat(PairwiseBattles.winner(Pick.BOTH_BAD, Pick.TIE)).isEqualTo(Battle.Winner.TIE);
    }

    @Test
    void aReplyOutsideTheFormatLeavesItsBattleOutWithAWarning() throws Exception {
        Path suite = suite();
        server.respondWith(request -> answer(request, FIRST).equals("2") || answer(request, SECOND).equals("2")
                ? Reply.text("The first one, clearly.") : verdict("both bad"));

        PairwiseBattles.Result result = judged(run(suite, "right", "2", "4"), run(suite, "wrong", "3", "5"));

        assertThat(result.battles()).extracting(Battle::id, Battle::winner)
                .containsExactly(tuple("b#0", Battle.Winner.BOTH_BAD));
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("a#0: left out, judge openai/judge replied outside its format: the reply is not a single JSON object");
    }

    @Test
    void theWrittenBattlesReadBackAsTheyWere() throws Exception {
        Path suite = suite();
        server.defaultReply(verdict("second"));
        List<Battle> battles = judged(run(suite, "right", "2", "4"), run(suite, "wrong", "# 3", "- 5")).battles();

        Path file = Files.write(work.resolve("battles.jsonl"), battles.stream().map(BattleFile::line).toList());

        assertThat(BattleFile.read(file)).isEqualTo(battles);
        assertThat(Files.readAllLines(file).getFirst()).startsWith(
                "{\"id\":\"a#0\",\"model_a\":\"scripted (right)\",\"model_b\":\"scripted (wrong)\",\"winner\":\"tie\","
                        + "\"rater\":{\"judge\":\"openai/judge\"},\"features\":{\"latency_ms_a\":");
    }

    @Test
    void aSuiteThatChangedSinceTheRunsIsRefused() throws Exception {
        Path suite = suite();
        Path right = run(suite, "right", "2", "4");
        Path wrong = run(suite, "wrong", "3", "5");
        Files.writeString(suite.resolve("tasks.jsonl"), "{\"id\": \"a\", \"prompt\": \"1+2?\", \"answer\": \"3\"}\n");

        assertThatThrownBy(() -> judged(right, wrong))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("suite " + suite + " changed since " + right + " graded it");
        assertThat(server.requests()).isEmpty();
    }
}

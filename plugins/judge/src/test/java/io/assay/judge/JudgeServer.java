package io.assay.judge;

import io.assay.models.fake.FakeOpenAiServer;
import io.assay.models.fake.Reply;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible judge whose reply depends on what it is asked. An audit grades many
 * outputs in an order its probes decide, so this reads the reference and the agent's answer out of
 * each judge prompt and lets the test's {@code judge} function reply.
 */
final class JudgeServer implements AutoCloseable {
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    /** What the judge was asked, read from the prompt's sections. */
    record Question(String reference, String answer) {

        private static Question of(String prompt) {
            return new Question(section(prompt, "REFERENCE ANSWER"), section(prompt, "AGENT ANSWER"));
        }

        private static String section(String prompt, String name) {
            Matcher matcher = Pattern.compile("(?s)=== BEGIN " + name + " (\\w+) ===\\n(.*?)\\n=== END " + name + " \\1 ===")
                    .matcher(prompt);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + name + " section in the judge prompt: " + prompt);
            }
            return matcher.group(2);
        }
    }

    /** @param judge the reply text for each question */
    JudgeServer(Function<Question, String> judge) {
        server.respondWith(request -> Reply.text(judge.apply(Question.of(
                request.json().path("messages").path(1).path("content").asText()))).withUsage(100, 20));
    }

    /** The verdict format's reply. */
    static String verdict(boolean correct, String reason) {
        return "{\"verdict\": \"" + (correct ? "correct" : "incorrect") + "\", \"reason\": \"" + reason + "\"}";
    }

    String baseUrl() {
        return server.baseUrl();
    }

    int requests() {
        return server.requests().size();
    }

    @Override
    public void close() {
        server.close();
    }
}

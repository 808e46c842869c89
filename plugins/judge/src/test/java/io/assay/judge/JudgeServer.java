package io.assay.judge;

import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.RecordedRequest;
import io.assay.testkit.model.Reply;
import java.util.List;
import java.util.Map;
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
        server.respondWith(request -> Reply.text(judge.apply(Question.of(prompt(request)))).withUsage(100, 20));
    }

    /** The judge prompt: the content of the request's second message, after the system message. */
    private static String prompt(RecordedRequest request) {
        List<?> messages = (List<?>) request.json().get("messages");
        return (String) ((Map<?, ?>) messages.get(1)).get("content");
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

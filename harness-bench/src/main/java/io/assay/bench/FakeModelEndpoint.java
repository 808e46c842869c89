package io.assay.bench;

import io.assay.models.fake.FakeOpenAiServer;
import io.assay.models.fake.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A fake OpenAI-compatible endpoint on loopback that answers every request after a fixed latency,
 * for the model-agent macro benchmark in {@code scripts/bench-macro.sh}. Writes its base URL to a
 * file once it listens, then serves until killed.
 *
 * <pre>
 * java -cp harness-bench/target/benchmarks.jar io.assay.bench.FakeModelEndpoint 200 /tmp/url
 * </pre>
 */
public final class FakeModelEndpoint {

    private FakeModelEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: FakeModelEndpoint LATENCY_MS URL_FILE");
            System.exit(2);
        }
        FakeOpenAiServer server = new FakeOpenAiServer();
        server.defaultLatency(Duration.ofMillis(Long.parseLong(args[0])));
        server.defaultReply(Reply.text("Adding them up.\nANSWER: 0").withUsage(60, 12));
        Path url = Path.of(args[1]);
        Files.writeString(url.resolveSibling(url.getFileName() + ".tmp"), server.baseUrl());
        Files.move(url.resolveSibling(url.getFileName() + ".tmp"), url);
        Thread.currentThread().join();
    }
}

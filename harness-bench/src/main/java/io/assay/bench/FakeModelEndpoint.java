package io.assay.bench;

import io.assay.testkit.model.FakeOpenAiServer;
import io.assay.testkit.model.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The test kit's fake OpenAI endpoint in a process of its own, as a model server would be, for
 * the model-agent macro benchmark ({@link ModelAgentBenchmark}, {@code scripts/bench-macro.sh}):
 * every request gets the same chat completion after a fixed latency. Writes its base URL to a file
 * once it listens, then serves until killed.
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
        server.defaultLatency(Duration.ofMillis(Long.parseLong(args[0])))
                .defaultReply(Reply.text("Adding them up.\nANSWER: 0").servedAs("bench").withFingerprint("fp_bench")
                        .withUsage(60, 12));
        Path url = Path.of(args[1]);
        Path partial = url.resolveSibling(url.getFileName() + ".tmp");
        Files.writeString(partial, server.baseUrl());
        Files.move(partial, url);
        Thread.currentThread().join(); // serve until killed
    }
}

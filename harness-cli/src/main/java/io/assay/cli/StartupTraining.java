package io.assay.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workload the {@code ./assay} launcher trains its ahead-of-time cache on (JDK 25's
 * {@code -XX:AOTCacheOutput}): what users run most, so the cache holds the classes those commands
 * load and the profiles of the methods they run hot. A plain run with the {@code oracle} agent, then
 * a run of the {@code chat} agent against a loopback endpoint in this process that answers every
 * chat completion at once, enough calls for the request path to be compiled, then a generated suite
 * of {@value #SHARDED_TASKS} tasks run as two shards, as a task of {@code --executor slurm} runs
 * them when the other's task still waits: its own shard, then the other on its slice of the tasks,
 * then the combination; such tasks are JVMs of their own, so cold starts are most of their cost.
 * No network is used.
 *
 * <pre>
 * ASSAY_TRAINING_KEY=unused java -XX:AOTCacheOutput=assay.aot -cp assay.jar io.assay.cli.StartupTraining \
 *     examples/arithmetic /tmp/training
 * </pre>
 *
 * The launcher sets {@value #KEY_VARIABLE} (the chat agent reads its key from the environment); the
 * endpoint ignores its value. Exits 0 when every run completed, otherwise with the failing run's code.
 */
public final class StartupTraining {

    /** The environment variable the chat run reads its (unused) key from. */
    static final String KEY_VARIABLE = "ASSAY_TRAINING_KEY";

    /**
     * Trials per task of the chat run: with the 20 tasks of examples/arithmetic, 400 model calls,
     * enough for the JIT to profile the request path (the cache keeps those profiles) in a second or two.
     */
    private static final int CHAT_EPOCHS = 20;

    /** Tasks of the sharded run: enough for its trial and combination paths to be compiled, in a few seconds. */
    private static final int SHARDED_TASKS = 20_000;

    private static final byte[] COMPLETION = ("""
            {"id":"chatcmpl-training","object":"chat.completion","created":1700000000,"model":"training",\
            "system_fingerprint":"fp_training","choices":[{"index":0,"message":{"role":"assistant",\
            "content":"Adding them up.\\nANSWER: 0"},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":60,"completion_tokens":12,"total_tokens":72}}""")
            .getBytes(StandardCharsets.UTF_8);

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StartupTraining SUITE_DIR WORK_DIR");
            System.exit(2);
        }
        System.exit(train(Path.of(args[0]), Path.of(args[1]), System.out, System.err).exitCode());
    }

    /** What the training did: the exit code of its first failing run (0 when none failed) and the model calls served. */
    record Outcome(int exitCode, int modelCalls) {
    }

    static Outcome train(Path suite, Path work, PrintStream out, PrintStream err) throws IOException {
        int oracle = AssayCommand.execute(out, err, "run", suite.toString(), "--agent", "oracle",
                "--out", work.resolve("oracle").toString(), "--progress", "none");
        if (oracle != 0) {
            return new Outcome(oracle, 0);
        }
        AtomicInteger calls = new AtomicInteger();
        // The server writes a response's head and body apart; with Nagle's algorithm on, each call
        // would wait for the client's delayed ACK (40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        endpoint.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, COMPLETION.length);
                exchange.getResponseBody().write(COMPLETION);
                calls.incrementAndGet();
            }
        });
        endpoint.start();
        try {
            String baseUrl = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/v1";
            int chat = AssayCommand.execute(out, err, "run", suite.toString(), "--agent", "chat",
                    "--model", "openai/training", "--base-url", baseUrl, "--api-key-env", KEY_VARIABLE,
                    "--epochs", String.valueOf(CHAT_EPOCHS), "--concurrency", "50",
                    "--out", work.resolve("chat").toString(), "--progress", "none");
            if (chat != 0) {
                return new Outcome(chat, calls.get());
            }
        } finally {
            endpoint.stop(0);
        }
        return new Outcome(sharded(work, out, err), calls.get());
    }

    /** Two shards of a generated suite with the {@code null} agent, run by one array task: its exit code. */
    private static int sharded(Path work, PrintStream out, PrintStream err) throws IOException {
        Path suite = Files.createDirectories(work.resolve("sharded-suite"));
        Files.writeString(suite.resolve("suite.yaml"), "id: training\nversion: '1'\nmeasures: the harness's own work\nreward: {type: exact}\n");
        try (BufferedWriter tasks = Files.newBufferedWriter(suite.resolve("tasks.jsonl"))) {
            for (int i = 0; i < SHARDED_TASKS; i++) {
                tasks.write("{\"id\":\"t" + i + "\",\"prompt\":\"What is " + i + " + 1?\",\"answer\":\"" + (i + 1)
                        + "\",\"metadata\":{\"bucket\":\"b" + i % 10 + "\"}}\n");
            }
        }
        // Shard 0 creates the run and writes both slices; then, as a Slurm array task does, it takes shard 1.
        return AssayCommand.execute(out, err, "run", suite.toString(), "--agent", "null", "--shard", "0/2", "--prepared-tasks",
                "--then-unstarted-shards", "--out", work.resolve("sharded").toString(), "--progress", "none");
    }
}

package io.assay.core.run;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Decodes trial lines in batches on every core and hands them to the consumer in file order, on
 * the caller's thread. Decoding JSON is nearly all the time of reading {@code trials.jsonl}, so a
 * 100,000-trial run is read in a fraction of the time one thread takes. Few batches are in flight at
 * once, so memory stays bounded whatever the file's size; a small file is decoded on the caller's
 * thread alone.
 */
final class OrderedDecoder<T> implements AutoCloseable {
    /** Below this many bytes to read, starting threads costs more than it saves. */
    static final long PARALLEL_FROM_BYTES = 4L << 20;
    private static final int BATCH_LINES = 512;
    private static final long BATCH_BYTES = 4L << 20;

    private final Path file;
    private final Function<String, T> decoder;
    private final RunDirectory.TrialLineConsumer<T> consumer;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Future<List<Decoded<T>>>> pending = new ArrayDeque<>();
    private List<Line> batch = new ArrayList<>(BATCH_LINES);
    private long batchBytes;

    record Line(long offset, int length, long number, String text) {
    }

    private record Decoded<T>(long offset, int length, T trial) {
    }

    /** @param bytes how many bytes are to be read, which decides whether threads are worth starting */
    OrderedDecoder(Path file, long bytes, Function<String, T> decoder, RunDirectory.TrialLineConsumer<T> consumer) {
        this.file = file;
        this.decoder = decoder;
        this.consumer = consumer;
        int threads = Runtime.getRuntime().availableProcessors();
        this.pool = bytes >= PARALLEL_FROM_BYTES && threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "assay-decode");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.window = 2 * threads;
    }

    void add(Line line) {
        batch.add(line);
        batchBytes += line.length();
        if (batch.size() == BATCH_LINES || batchBytes >= BATCH_BYTES) {
            submit();
        }
    }

    /** Decodes and hands on every line added so far. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!pending.isEmpty()) {
            hand(await(pending.poll()));
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void submit() {
        List<Line> lines = batch;
        batch = new ArrayList<>(BATCH_LINES);
        batchBytes = 0;
        if (pool == null) {
            hand(decode(lines));
            return;
        }
        pending.add(pool.submit(() -> decode(lines)));
        while (pending.size() > window) {
            hand(await(pending.poll()));
        }
    }

    private List<Decoded<T>> decode(List<Line> lines) {
        List<Decoded<T>> decoded = new ArrayList<>(lines.size());
        for (Line line : lines) {
            decoded.add(new Decoded<>(line.offset(), line.length(), RunDirectory.decode(file, line.number(), line.text(), decoder)));
        }
        return decoded;
    }

    private void hand(List<Decoded<T>> decoded) {
        decoded.forEach(d -> consumer.accept(d.offset(), d.length(), d.trial()));
    }

    private static <T> List<Decoded<T>> await(Future<List<Decoded<T>>> batch) {
        try {
            return batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // a corrupt line's InputException, with its line number
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading trials", e);
        }
    }
}

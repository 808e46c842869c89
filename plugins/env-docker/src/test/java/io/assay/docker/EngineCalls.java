package io.assay.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Docker engine does to the containers this JVM makes for one task, watched live from its
 * event stream while open: {@code create}, {@code extract-to-dir} (an archive copied in),
 * {@code archive-path} (an archive copied out), {@code exec_create} and so on, counted by action
 * name (an exec's command left out). Live, because the engine keeps only its last 256 events.
 *
 * <pre>{@code
 * try (EngineCalls calls = EngineCalls.watch("my-task")) {
 *     audit();
 *     assertThat(calls.counts()).containsEntry("extract-to-dir", 1);
 * }
 * }</pre>
 */
final class EngineCalls implements AutoCloseable {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final ResultCallback.Adapter<Event> stream = new ResultCallback.Adapter<>() {
        @Override
        public void onNext(Event event) {
            String action = event.getAction();
            counts.merge(action.contains(":") ? action.substring(0, action.indexOf(':')) : action, 1, Integer::sum);
        }
    };

    private EngineCalls() {
    }

    /** Starts watching the containers this JVM's environments make for {@code taskId}. */
    static EngineCalls watch(String taskId) throws InterruptedException {
        EngineCalls calls = new EngineCalls();
        ContainerChecks.docker().eventsCmd().withEventTypeFilter("container")
                .withLabelFilter(Map.of(ContainerSweeper.TASK, taskId,
                        ContainerSweeper.OWNER, ContainerSweeper.labels(taskId).get(ContainerSweeper.OWNER)))
                .exec(calls.stream).awaitStarted();
        return calls;
    }

    /**
     * The counts so far, once every container created has been destroyed (which an audit's end
     * does), so that the stream has caught up with the calls made.
     */
    Map<String, Integer> counts() throws InterruptedException {
        long giveUp = System.nanoTime() + 20_000_000_000L;
        while (!counts.getOrDefault("create", 0).equals(counts.getOrDefault("destroy", 0))
                && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        return new TreeMap<>(counts);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}

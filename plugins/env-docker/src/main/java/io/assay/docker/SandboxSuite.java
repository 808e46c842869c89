package io.assay.docker;

import io.assay.kit.Parallel;
import io.assay.spi.AuditContext;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A suite that runs in Docker sandboxes, as the sandbox probes see it: its Harbor task
 * directories, and its trials. Tasks (and a probe's independent trials of one task) run in
 * parallel, while a shared limit keeps the number of containers working at once small.
 */
final class SandboxSuite {
    // Each trial is a container working; on two cores about four at once keep the engine busy without thrashing.
    private static final int PARALLEL_TRIALS = 4;

    private final AuditContext context;
    private final Path directory;
    private final Semaphore trials = new Semaphore(PARALLEL_TRIALS);

    private SandboxSuite(AuditContext context, Path directory) {
        this.context = context;
        this.directory = directory;
    }

    /** The sandboxed suite {@code context} audits. */
    static SandboxSuite of(AuditContext context) {
        return new SandboxSuite(context, Path.of(context.suite().environment().string("suite_dir")));
    }

    /** The Harbor task directory behind every task of the suite, in task order. */
    List<HarborTask> harborTasks() {
        return context.suite().tasks().stream().map(this::harborTask).toList();
    }

    /** The Harbor task directory behind {@code task}. */
    HarborTask harborTask(Task task) {
        return HarborTasks.read(HarborTasks.taskDirectory(directory, task.id()));
    }

    /** One trial of a registered agent, such as {@code null}. */
    TrialRecord trial(String agent, Task task, int epoch) throws Exception {
        trials.acquire();
        try {
            return context.trial(agent, task, epoch);
        } finally {
            trials.release();
        }
    }

    /** One trial whose agent does {@code work} in the sandbox. */
    <T> SandboxTrial<T> trial(Task task, int epoch, SandboxTrial.Work<T> work) throws Exception {
        trials.acquire();
        try {
            return SandboxTrial.run(context, task, epoch, work);
        } finally {
            trials.release();
        }
    }

    /**
     * Runs independent work on every item (each making trials) all at once, results in item order;
     * the first failure fails all. The limit on trials, not on items, keeps the containers working
     * at once few.
     */
    <T, R> List<R> parallel(List<T> items, Parallel.Work<T, R, Exception> work) throws Exception {
        return Parallel.map(items, Math.max(1, items.size()), work);
    }
}

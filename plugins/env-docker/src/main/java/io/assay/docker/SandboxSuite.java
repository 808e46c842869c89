package io.assay.docker;

import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Why sandbox probes do not apply: the suite does not run in Docker sandboxes. */
    static Optional<String> notApplicable(AuditContext context) {
        return "docker".equals(context.suite().environment().get("type")) ? Optional.empty() : Optional.of("no sandbox");
    }

    /**
     * Audits every task of a suite that runs in Docker sandboxes with {@code audit}, in parallel,
     * findings in task order.
     */
    static List<Finding> auditEachTask(AuditContext context, TaskAudit audit) throws Exception {
        SandboxSuite suite = new SandboxSuite(context, directory(context));
        List<Callable<List<Finding>>> jobs = new ArrayList<>();
        for (Task task : context.suite().tasks()) {
            jobs.add(() -> audit.audit(suite, task, suite.harborTask(task)));
        }
        return suite.parallel(jobs).stream().flatMap(List::stream).toList();
    }

    /** The Harbor task directory behind every task of a sandboxed suite, in task order. */
    static List<HarborTask> harborTasks(AuditContext context) {
        SandboxSuite suite = new SandboxSuite(context, directory(context));
        return context.suite().tasks().stream().map(suite::harborTask).toList();
    }

    private static Path directory(AuditContext context) {
        return Path.of(context.suite().environment().string("suite_dir"));
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

    /** Runs independent jobs (each making trials) at once; results in job order; the first failure fails all. */
    <T> List<T> parallel(List<Callable<T>> jobs) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>(jobs.size());
            jobs.forEach(job -> futures.add(executor.submit(job)));
            List<T> results = new ArrayList<>(jobs.size());
            try {
                for (Future<T> future : futures) {
                    results.add(future.get());
                }
            } catch (ExecutionException e) {
                executor.shutdownNow();
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (InterruptedException e) {
                executor.shutdownNow();
                throw e;
            }
            return results;
        }
    }

    /** One task's audit. */
    @FunctionalInterface
    interface TaskAudit {
        List<Finding> audit(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception;
    }
}

package io.assay.docker;

import io.assay.kit.Parallel;
import io.assay.spi.AuditContext;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * A suite that runs in Docker sandboxes, as the sandbox probes see it: its Harbor task
 * directories, and its trials. Tasks (and a probe's independent trials of one task) run in
 * parallel, while the audit's limit on trials under way, shared by all probes ({@code assay audit
 * --concurrency}), keeps the number of containers working at once small.
 */
final class SandboxSuite {
    private final AuditContext context;
    private final Path directory;

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
        return context.trial(agent, task, epoch);
    }

    /** One trial whose agent does {@code work} in the sandbox, graded by the task's verifier. */
    <T> SandboxTrial<T> trial(Task task, int epoch, SandboxTrial.Work<T> work) throws Exception {
        return SandboxTrial.run(context, task, epoch, work);
    }

    /** One trial whose agent does {@code work} in the sandbox, not graded: what the work finds is all it is for. */
    <T> SandboxTrial<T> ungradedTrial(Task task, int epoch, SandboxTrial.Work<T> work) throws Exception {
        return SandboxTrial.ungraded(context, task, epoch, work);
    }

    /**
     * Runs independent work on every item (each making trials) all at once, results in item order;
     * the first failure fails all. The audit's limit on trials, not on items, keeps the containers
     * working at once few.
     */
    <T, R> List<R> parallel(List<T> items, Parallel.Work<T, R, Exception> work) throws Exception {
        return Parallel.map(items, Math.max(1, items.size()), work);
    }
}

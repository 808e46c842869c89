package io.assay.docker;

import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Task;
import java.util.List;
import java.util.Optional;

/**
 * A probe of suites that run in Docker sandboxes, which audits each task with its Harbor task
 * directory: tasks in parallel, findings in task order. Sandbox probes have nothing to say about
 * any other suite.
 */
abstract class SandboxProbe implements AuditProbe {

    /** Why sandbox probes do not apply: the suite does not run in Docker sandboxes. */
    @Override
    public Optional<String> notApplicable(AuditContext context) {
        return "docker".equals(context.suite().environment().get("type")) ? Optional.empty() : Optional.of("no sandbox");
    }

    /** Every task audited with {@link #auditTask}, in parallel, findings in task order. */
    @Override
    public List<Finding> audit(AuditContext context) throws Exception {
        SandboxSuite suite = SandboxSuite.of(context);
        return suite.parallel(context.suite().tasks(), task -> auditTask(suite, task, suite.harborTask(task)))
                .stream().flatMap(List::stream).toList();
    }

    /** One task's findings. */
    abstract List<Finding> auditTask(SandboxSuite suite, Task task, HarborTask harborTask) throws Exception;
}

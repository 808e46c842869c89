package io.assay.core.audit.tools;

import io.assay.core.audit.probes.ParallelTasks;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A suite that runs in a tool environment, as the tool probes see it: its tasks, audited in
 * parallel. Any other suite is not one, and tool probes have nothing to say about it.
 */
final class ToolSuite {
    private final AuditContext context;

    private ToolSuite(AuditContext context) {
        this.context = context;
    }

    /** One task's audit. */
    @FunctionalInterface
    interface TaskAudit {
        List<Finding> audit(Task task) throws Exception;
    }

    /** The suite, if its environment is a tool environment; one trial on the first task tells. */
    static Optional<ToolSuite> of(AuditContext context) throws Exception {
        if (context.suite().tasks().isEmpty() || "none".equals(context.suite().environment().get("type"))) {
            return Optional.empty();
        }
        AtomicBoolean tools = new AtomicBoolean();
        context.trial(input -> {
            tools.set(input.environment() instanceof ToolEnvironment);
            return AgentOutput.of("");
        }, context.suite().tasks().getFirst(), 0);
        return tools.get() ? Optional.of(new ToolSuite(context)) : Optional.empty();
    }

    /** Every task audited with {@code audit}, in parallel, findings in task order. */
    List<Finding> auditEachTask(TaskAudit audit) throws Exception {
        return ParallelTasks.map(context.suite().tasks(), audit::audit).stream().flatMap(List::stream).toList();
    }

    /** The audit of every task of a tool suite, or no findings for any other suite. */
    static List<Finding> auditEachTask(AuditContext context, TaskAudit audit) throws Exception {
        Optional<ToolSuite> suite = of(context);
        return suite.isEmpty() ? List.of() : suite.get().auditEachTask(audit);
    }
}

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
 * A suite that runs in a tool environment, as the tool probes see it: whether it is one, and its
 * tasks audited in parallel. Tool probes have nothing to say about any other suite.
 */
final class ToolSuite {
    private static final String NO_TOOLS = "no tool environment";

    private ToolSuite() {
    }

    /** One task's audit. */
    @FunctionalInterface
    interface TaskAudit {
        List<Finding> audit(Task task) throws Exception;
    }

    /** Why tool probes do not apply: the environment is no tool environment. One trial on the first task tells. */
    static Optional<String> notApplicable(AuditContext context) throws Exception {
        if (context.suite().tasks().isEmpty() || "none".equals(context.suite().environment().get("type"))) {
            return Optional.of(NO_TOOLS);
        }
        AtomicBoolean tools = new AtomicBoolean();
        context.trial(input -> {
            tools.set(input.environment() instanceof ToolEnvironment);
            return AgentOutput.of("");
        }, context.suite().tasks().getFirst(), 0);
        return tools.get() ? Optional.empty() : Optional.of(NO_TOOLS);
    }

    /** Every task of a tool suite audited with {@code audit}, in parallel, findings in task order. */
    static List<Finding> auditEachTask(AuditContext context, TaskAudit audit) throws Exception {
        return ParallelTasks.map(context.suite().tasks(), audit::audit).stream().flatMap(List::stream).toList();
    }
}

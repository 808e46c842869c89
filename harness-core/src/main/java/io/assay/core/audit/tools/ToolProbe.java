package io.assay.core.audit.tools;

import io.assay.core.audit.probes.SolvabilityProbe;
import io.assay.kit.Parallel;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A probe of suites that run in a tool environment, which audits each task on its own: tasks in
 * parallel, findings in task order. Tool probes have nothing to say about any other suite.
 */
abstract class ToolProbe implements AuditProbe {
    private static final String NO_TOOLS = "no tool environment";

    /** Why tool probes do not apply: the environment is no tool environment. One trial on the first task tells. */
    @Override
    public Optional<String> notApplicable(AuditContext context) throws Exception {
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

    /** Every task audited with {@link #auditTask}, in parallel, findings in task order. */
    @Override
    public List<Finding> audit(AuditContext context) throws Exception {
        return Parallel.map(context.suite().tasks(), SolvabilityProbe.TASKS_AT_ONCE, task -> auditTask(context, task))
                .stream().flatMap(List::stream).toList();
    }

    /** One task's findings. */
    abstract List<Finding> auditTask(AuditContext context, Task task) throws Exception;
}

package io.assay.core.audit.tools;

import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Database dump (ABC O.b.2, T.10): an agent that calls every read-only tool and tells the user
 * everything it saw must not pass. A task it passes requires outputs that can be copied from the
 * data, graded by a substring match that a dump satisfies, like the list-every-answer flaw of
 * substring graders. Tasks a do-nothing agent already passes are left to that probe.
 */
public final class DatabaseDumpProbe extends ToolProbe {

    @Override
    public String name() {
        return "tool-database-dump";
    }

    @Override
    public String description() {
        return "an agent that reads every record and tells the user all of it fails every task";
    }

    @Override
    public List<String> covers() {
        return List.of("O.b.2", "T.10");
    }

    @Override
    List<Finding> auditTask(AuditContext context, Task task) throws Exception {
        ToolTrial<Integer> dump = ToolTrial.run(context, task, 0, DatabaseDump::run);
        if (!dump.passed() || DoNothingProbe.doNothing(context, task).passed()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>(dump.verdict());
        evidence.put("read_only_calls", dump.found());
        return List.of(new Finding(name(), covers(), Severity.ERROR, task.id(),
                "an agent that only reads the data (" + dump.found() + " read-only calls) and tells the user "
                        + "everything passes this task: its required outputs are copied from the data. Require "
                        + "values only the work produces, or grade the end state", evidence,
                "an agent that only reads the data and tells the user everything passes"));
    }
}

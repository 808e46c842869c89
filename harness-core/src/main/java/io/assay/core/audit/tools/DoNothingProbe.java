package io.assay.core.audit.tools;

import io.assay.core.audit.tools.ToolTrial.Acted;
import io.assay.spi.AuditContext;
import io.assay.spi.EnvironmentException;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Do-nothing passes (ABC O.g.3, T.10): in a tool environment, an agent that calls no tool and says
 * nothing must fail every task. It passes a task whose gold actions leave the state unchanged and
 * which requires no output, as 38% of tau-bench's airline tasks did. Each such task is an error; the
 * do-nothing score of the whole suite is reported beside them.
 */
public final class DoNothingProbe extends ToolProbe {

    @Override
    public String name() {
        return "tool-do-nothing";
    }

    @Override
    public String description() {
        return "an agent that calls no tool and says nothing fails every task of a tool environment";
    }

    @Override
    public List<String> covers() {
        return List.of("O.g.3", "T.10");
    }

    /** Each task's finding, then the do-nothing score of the whole suite. */
    @Override
    public List<Finding> audit(AuditContext context) throws Exception {
        List<Finding> perTask = super.audit(context);
        List<Finding> findings = new ArrayList<>(perTask);
        int tasks = context.suite().tasks().size();
        double share = (double) perTask.size() / tasks;
        findings.add(new Finding(name(), covers(), Severity.INFO, null, String.format(Locale.ROOT,
                "a do-nothing agent scores %d of %d tasks (%.1f%%); a published score should be read against it",
                perTask.size(), tasks, 100 * share), Map.of("passed", perTask.size(), "tasks", tasks)));
        return findings;
    }

    @Override
    List<Finding> auditTask(AuditContext context, Task task) throws Exception {
        return judge(task, doNothing(context, task));
    }

    /** A trial that does nothing; it finds whether the gold actions change the state at all. */
    static ToolTrial<Boolean> doNothing(AuditContext context, Task task) throws Exception {
        return ToolTrial.run(context, task, 0, environment -> {
            try {
                return Acted.silently(!StateHash.same(environment.state(), environment.expectedState()));
            } catch (EnvironmentException goldFails) {
                return Acted.silently(null); // the gold-replay probe reports it
            }
        });
    }

    private List<Finding> judge(Task task, ToolTrial<Boolean> trial) {
        if (!trial.passed()) {
            return List.of();
        }
        String why = Boolean.FALSE.equals(trial.found())
                ? "its gold actions leave the state unchanged and it requires nothing to be said. Make the task "
                  + "require a change, or an output only the work can produce"
                : "the check does not notice that nothing was done. Grade the end state against the gold actions' state";
        Map<String, Object> evidence = new LinkedHashMap<>(trial.verdict());
        evidence.put("gold_changes_state", trial.found());
        return List.of(new Finding(name(), covers(), Severity.ERROR, task.id(),
                "an agent that does nothing and says nothing passes this task: " + why, evidence));
    }
}

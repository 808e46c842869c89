package io.assay.core.audit.tools;

import io.assay.core.audit.tools.ToolTrial.Acted;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.Task;
import io.assay.spi.ToolEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State checks that ignore part of the state (ABC O.g.2): after the gold actions, a deliberate
 * change to a record they did not touch, in each table in turn, must make the task fail. A check
 * that still passes cannot see that table, so an agent that damages it scores as if it had not.
 */
public final class StateSensitivityProbe extends ToolProbe {

    @Override
    public String name() {
        return "tool-state-sensitivity";
    }

    @Override
    public String description() {
        return "after the gold actions, changing any unrelated record makes the task fail";
    }

    @Override
    public List<String> covers() {
        return List.of("O.g.2");
    }

    @Override
    List<Finding> auditTask(AuditContext context, Task task) throws Exception {
        ToolTrial<List<Perturbation>> gold = ToolTrial.run(context, task, 0, environment -> {
            Map<String, Object> initial = environment.state();
            AgentOutput output = solve(environment);
            return new Acted<>(Perturbation.of(initial, environment.state()), output);
        });
        if (!gold.passed() || gold.found() == null) {
            return List.of(); // an unsolvable task is the solvability probe's finding
        }
        List<Map<String, Object>> unnoticed = new ArrayList<>();
        for (Perturbation perturbation : gold.found()) {
            ToolTrial<Boolean> changed = ToolTrial.run(context, task, 0, environment -> {
                AgentOutput output = solve(environment);
                environment.replaceState(perturbation.applyTo(environment.state()));
                return new Acted<>(true, output);
            });
            if (changed.passed()) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("record", perturbation.record());
                change.put("field", perturbation.field());
                change.put("before", perturbation.before());
                change.put("after", perturbation.changed());
                unnoticed.add(change);
            }
        }
        if (unnoticed.isEmpty()) {
            return List.of();
        }
        List<String> records = unnoticed.stream().map(change -> change.get("record") + " " + change.get("field")).toList();
        return List.of(new Finding(name(), covers(), Severity.ERROR, task.id(), "the check still passes after the gold "
                + "actions when an unrelated record is changed (" + String.join(", ", records) + "): it ignores part "
                + "of the state, so damage there goes unpunished. Compare the whole state, or narrow `ignore` to "
                + "fields that legitimately vary", Map.of("unnoticed_changes", unnoticed),
                "the check ignores part of the state"));
    }

    private static AgentOutput solve(ToolEnvironment environment) throws InterruptedException {
        if (!(environment instanceof ReferenceSolution reference)) {
            throw new IllegalStateException("the tool environment cannot replay its gold actions: " + environment);
        }
        return reference.solve();
    }
}

package io.assay.spi;

import java.util.List;

/**
 * Looks for one class of benchmark flaw in a suite and reports each instance as a {@link Finding}
 * citing the Agentic Benchmark Checklist ids it violates.
 *
 * <pre>{@code
 * public String name() { return "empty-answer"; }
 * public List<Finding> audit(AuditContext context) {
 *     return context.suite().tasks().stream()
 *             .filter(task -> context.check(task).check(task, AgentOutput.of("")).passed())
 *             .map(task -> new Finding(name(), List.of("T.10"), Severity.ERROR, task.id(),
 *                     "an empty answer passes", Map.of()))
 *             .toList();
 * }
 * }</pre>
 */
public interface AuditProbe extends Component {

    List<Finding> audit(AuditContext context) throws Exception;

    /**
     * The checklist ids this probe checks, so a report card can mark them passed when it finds
     * nothing, for example {@code List.of("T.10", "R.13")}.
     */
    default List<String> covers() {
        return List.of();
    }
}

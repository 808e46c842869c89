package io.assay.spi;

import java.util.List;
import java.util.Optional;

/**
 * Looks for one class of benchmark flaw in a suite and reports each instance as a {@link Finding}
 * citing the Agentic Benchmark Checklist ids it violates.
 *
 * <pre>{@code
 * public String name() { return "empty-answer"; }
 * public List<Finding> audit(AuditContext context) throws InterruptedException {
 *     List<Finding> findings = new ArrayList<>();
 *     for (Task task : context.suite().tasks()) {
 *         RewardCheck check = context.check(task);
 *         if (check.grades() == RewardCheck.Grades.ANSWER
 *                 && check.check(task, AgentOutput.of(""), Optional.empty()).passed()) {
 *             findings.add(new Finding(name(), List.of("T.10"), Severity.ERROR, task.id(),
 *                     "an empty answer passes", Map.of()));
 *         }
 *     }
 *     return findings;
 * }
 * public List<String> covers() { return List.of("T.10"); }
 * // It only knows suites without an environment: on any other, T.10 reads n/a rather than pass.
 * public Optional<String> notApplicable(AuditContext context) {
 *     return "none".equals(context.suite().environment().get("type")) ? Optional.empty()
 *             : Optional.of("no plain answers");
 * }
 * }</pre>
 */
public interface AuditProbe extends Component {

    List<Finding> audit(AuditContext context) throws Exception;

    /**
     * The checklist ids this probe checks, so a report card can mark them passed when it runs and
     * finds nothing, for example {@code List.of("T.10", "R.13")}.
     */
    default List<String> covers() {
        return List.of();
    }

    /**
     * Why this probe has nothing to examine in the suite, in a few words naming what is missing,
     * or empty when it applies (the default). A probe of Docker sandboxes answers
     * {@code Optional.of("no sandbox")} for a suite of plain questions. A probe that does not apply
     * is not run, and a checklist item that only such probes cover reads {@code n/a} with this
     * reason on the report card, never {@code pass}.
     */
    default Optional<String> notApplicable(AuditContext context) throws Exception {
        return Optional.empty();
    }
}

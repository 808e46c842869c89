package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.RewardCheck;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A probe that grades replies with each task's check, so it has nothing to examine in a suite
 * whose every check grades end state. Most such probes grade variations of the answer the check
 * accepts ({@link #eachAcceptedAnswer}).
 */
abstract class AnswerProbe implements AuditProbe {

    @Override
    public Optional<String> notApplicable(AuditContext context) {
        return ReferenceAnswers.noAnswerGraded(context);
    }

    /**
     * What {@code examination} finds for each task whose check accepts a reference answer, at most
     * one finding per task, in task order. A task whose check accepts none is not solvable as it
     * stands, which the solvability probe reports, so it is skipped here.
     */
    static List<Finding> eachAcceptedAnswer(AuditContext context, Examination examination) {
        List<Finding> findings = new ArrayList<>();
        for (Task task : context.suite().tasks()) {
            RewardCheck check = context.check(task);
            ReferenceAnswers.accepted(task, check).flatMap(reference -> examination.examine(task, check, reference))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    /** What grading variations of {@code reference}, the answer {@code check} accepts, shows. */
    @FunctionalInterface
    interface Examination {
        Optional<Finding> examine(Task task, RewardCheck check, String reference);
    }
}

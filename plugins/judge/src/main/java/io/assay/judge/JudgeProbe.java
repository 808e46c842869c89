package io.assay.judge;

import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Options;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A probe of the tasks of a suite that an LLM judge grades: their reward spec is a {@code judge}
 * check or contains one, however deeply nested in combinators ({@code checks}, {@code check}). The
 * judge probes have nothing to say about any other task.
 */
abstract class JudgeProbe implements AuditProbe {

    /** Why the judge probes do not apply: no task is graded by a judge. */
    @Override
    public Optional<String> notApplicable(AuditContext context) {
        Suite suite = context.suite();
        return suite.tasks().stream().anyMatch(task -> judged(suite.rewardFor(task)))
                ? Optional.empty() : Optional.of("no LLM judge");
    }

    /** The tasks a judge grades, in suite order. */
    static List<Task> judgedTasks(Suite suite) {
        return suite.tasks().stream().filter(task -> judged(suite.rewardFor(task))).toList();
    }

    private static boolean judged(Options spec) {
        return spec != null && containsJudge(spec.values());
    }

    private static boolean containsJudge(Object value) {
        return switch (value) {
            case Map<?, ?> map -> "judge".equals(map.get("type")) || map.values().stream().anyMatch(JudgeProbe::containsJudge);
            case List<?> list -> list.stream().anyMatch(JudgeProbe::containsJudge);
            case null, default -> false;
        };
    }
}

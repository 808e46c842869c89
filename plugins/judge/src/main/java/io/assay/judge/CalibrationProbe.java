package io.assay.judge;

import io.assay.judge.LabelsFile.Label;
import io.assay.kit.Excerpt;
import io.assay.kit.Parallel;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Problem;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judge calibration (ABC O.c.1): grades the human-labelled outputs of the suite's
 * {@code judge-labels.jsonl} with each task's own check, and reports how often the judge agrees
 * with people and Cohen's kappa.
 *
 * <p>Kappa below {@value #KAPPA_THRESHOLD} is an error. On the Landis and Koch scale, still the
 * common reading, 0.41-0.60 is only "moderate" agreement beyond chance and 0.61-0.80 "substantial";
 * a judge that does not reach substantial agreement with people disagrees with them too often for
 * its pass rate to stand in for theirs. Fewer than {@value #ENOUGH_LABELS} labels is a warning: with
 * so few, kappa's confidence interval is too wide to tell a good judge from a poor one.
 */
final class CalibrationProbe extends JudgeProbe {
    static final double KAPPA_THRESHOLD = 0.6;
    static final int ENOUGH_LABELS = 20;
    private static final int GRADED_AT_ONCE = 8;
    private static final int DISAGREEMENTS_SHOWN = 10;
    private static final List<String> ABC = List.of("O.c.1");

    @Override
    public String name() {
        return "judge-calibration";
    }

    @Override
    public String description() {
        return "the judge's agreement and Cohen's kappa with human labels in " + LabelsFile.NAME + " (kappa >= 0.6)";
    }

    @Override
    public List<String> covers() {
        return ABC;
    }

    @Override
    public List<Finding> audit(AuditContext context) throws InterruptedException {
        List<Task> judged = judgedTasks(context.suite());
        Path file = context.suite().directory() == null ? null : context.suite().directory().resolve(LabelsFile.NAME);
        if (file == null || !Files.exists(file)) {
            return List.of(finding(Severity.WARNING, "The judge is uncalibrated: there is no " + LabelsFile.NAME
                    + " in the suite directory, so nothing shows how often its verdicts agree with people's. Add at"
                    + " least " + ENOUGH_LABELS + " lines {\"task_id\", \"output\", \"label\"} of outputs people"
                    + " labelled correct (true) or incorrect (false), both kinds.", Map.of("file", String.valueOf(file))));
        }
        LabelsFile.Contents contents;
        try {
            contents = LabelsFile.read(file, judged.stream().collect(Collectors.toMap(Task::id, Function.identity())),
                    context.suite().tasks().stream().map(Task::id).collect(Collectors.toSet()));
        } catch (IOException e) {
            return List.of(finding(Severity.WARNING, "The judge is uncalibrated: " + file + " could not be read ("
                    + e + ").", Map.of("file", file.toString())));
        }
        List<Finding> findings = new ArrayList<>();
        if (!contents.problems().isEmpty()) {
            findings.add(badLines(file, contents.problems()));
        }
        List<Grade> grades = Parallel.map(contents.labels(), GRADED_AT_ONCE, label -> Grade.of(context, label));
        findings.addAll(calibration(file, grades));
        return findings;
    }

    /** What the judge made of one labelled output: a verdict, or the judge error it raised. */
    private record Grade(Label label, RewardResult result, String error) {

        static Grade of(AuditContext context, Label label) {
            try {
                return new Grade(label, context.check(label.task()).check(label.task(), AgentOutput.of(label.output())), null);
            } catch (VerdictException e) {
                return new Grade(label, null, e.getMessage());
            }
        }
    }

    private List<Finding> calibration(Path file, List<Grade> grades) {
        List<Finding> findings = new ArrayList<>();
        List<Grade> errors = grades.stream().filter(grade -> grade.result() == null).toList();
        List<Grade> graded = grades.stream().filter(grade -> grade.result() != null).toList();
        if (grades.size() < ENOUGH_LABELS) {
            findings.add(finding(Severity.WARNING, "Only " + grades.size() + " usable labels in " + LabelsFile.NAME
                    + ", fewer than " + ENOUGH_LABELS + ": kappa from so few is too uncertain to show the judge"
                    + " agrees with people. Label more outputs, both correct and incorrect ones.",
                    Map.of("file", file.toString(), "labels", grades.size())));
        }
        if (!errors.isEmpty()) {
            findings.add(finding(Severity.WARNING, errors.size() + " of " + grades.size() + " labelled outputs got no"
                    + " verdict (judge errors), so they are left out of the agreement; first: " + errors.getFirst().error(),
                    Map.of("file", file.toString(), "judge_errors", errors.stream().map(grade -> Map.of(
                            "line", grade.label().line(), "task", grade.label().task().id(), "error", grade.error()))
                            .limit(DISAGREEMENTS_SHOWN).toList())));
        }
        if (graded.isEmpty()) {
            return findings;
        }
        Agreement agreement = Agreement.NONE;
        for (Grade grade : graded) {
            agreement = agreement.plus(grade.result().passed(), grade.label().correct());
        }
        findings.add(agreementFinding(file, agreement, graded, errors.size()));
        return findings;
    }

    private Finding agreementFinding(Path file, Agreement agreement, List<Grade> graded, int errors) {
        OptionalDouble kappa = agreement.kappa();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("file", file.toString());
        evidence.put("labels", graded.size() + errors);
        evidence.put("graded", graded.size());
        evidence.put("judge_errors", errors);
        evidence.put("agreement", agreement.observed());
        evidence.put("kappa", kappa.isPresent() ? kappa.getAsDouble() : null);
        evidence.put("kappa_threshold", KAPPA_THRESHOLD);
        evidence.put("table", agreement.evidence());
        evidence.put("disagreements", graded.stream().filter(grade -> grade.result().passed() != grade.label().correct())
                .limit(DISAGREEMENTS_SHOWN).map(CalibrationProbe::disagreement).toList());
        String numbers = "The judge agrees with the human labels on " + agreement.agreeing() + " of " + agreement.total()
                + " outputs (" + percent(agreement.observed()) + ")";
        if (kappa.isEmpty()) {
            return finding(Severity.WARNING, numbers + ", but Cohen's kappa is undefined: people and judge each gave"
                    + " every output the same label, which shows nothing about telling right from wrong. Label"
                    + " incorrect outputs as well as correct ones.", evidence);
        }
        String withKappa = numbers + "; Cohen's kappa " + format(kappa.getAsDouble()) + " (threshold "
                + format(KAPPA_THRESHOLD) + ").";
        if (kappa.getAsDouble() < KAPPA_THRESHOLD) {
            return finding(Severity.ERROR, withKappa + " Below " + format(KAPPA_THRESHOLD) + " its agreement with"
                    + " people beyond chance is at most moderate, so its pass rates cannot stand in for theirs. Fix:"
                    + " sharpen the rubric, use a stronger judge or a panel, then audit again.", evidence);
        }
        return finding(Severity.INFO, withKappa, evidence);
    }

    private static Map<String, Object> disagreement(Grade grade) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("line", grade.label().line());
        entry.put("task", grade.label().task().id());
        entry.put("output", Excerpt.of(grade.label().output(), 200));
        entry.put("label", grade.label().correct());
        entry.put("judge_passed", grade.result().passed());
        entry.put("explanation", grade.result().explanation());
        return entry;
    }

    private Finding badLines(Path file, List<Problem> problems) {
        return finding(Severity.WARNING, problems.size() + " line(s) of " + LabelsFile.NAME + " cannot be used and"
                + " were skipped; first: " + problems.getFirst(), Map.of("file", file.toString(),
                "problems", problems.stream().map(Problem::toString).toList()));
    }

    private Finding finding(Severity severity, String message, Map<String, Object> evidence) {
        return new Finding(name(), ABC, severity, null, message, evidence);
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

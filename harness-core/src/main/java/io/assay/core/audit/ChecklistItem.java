package io.assay.core.audit;

import io.assay.core.audit.ProbeRun.State;
import io.assay.kit.Plural;
import io.assay.spi.Finding.Severity;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One item of the Agentic Benchmark Checklist as the report card states it. {@code pass} is said
 * only when a probe that applies to the suite ran and found nothing wrong: a probe that had
 * nothing to examine makes the item {@code n/a}, and one that crashed leaves it {@code not checked}.
 *
 * @param item the checklist id, such as {@code T.4}
 * @param status what the audit can say about it
 * @param probes the probes behind the status: those that checked the item, or, for {@code n/a}
 *               and {@code not checked}, those that cover it but did not check it
 * @param why the status in a few words, such as {@code no sandbox} or {@code 2 errors}
 */
public record ChecklistItem(String item, Status status, List<String> probes, String why) {

    public ChecklistItem {
        probes = List.copyOf(probes);
    }

    /** What the audit can say about an item, worst first. */
    public enum Status {
        /** A probe found errors citing it. */
        FAIL("fail"),
        /** A probe found warnings citing it, and none found errors. */
        WARNING("warning"),
        /**
         * A probe covering it crashed or could not run (it needs a model), or none ran (none exists,
         * or {@code --probe} left them out).
         */
        NOT_CHECKED("not checked"),
        /** Every probe covering it had nothing to examine in this suite. */
        NOT_APPLICABLE("n/a"),
        /** Probes that apply ran and found nothing wrong (info findings are context, not flaws). */
        PASS("pass");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** How the status is written in every format: {@code pass}, {@code n/a}, {@code not checked}, ... */
        public String label() {
            return label;
        }
    }

    /** Every checklist item, in the checklist's order, judged from what the probes did and found. */
    static List<ChecklistItem> of(List<ProbeRun> runs, List<FindingGroup> findings) {
        return AbcChecklist.items().keySet().stream().map(item -> judge(item, runs, findings)).toList();
    }

    private static ChecklistItem judge(String item, List<ProbeRun> runs, List<FindingGroup> findings) {
        List<FindingGroup> cited = findings.stream().filter(f -> f.abc().contains(item)).toList();
        List<ProbeRun> covering = runs.stream().filter(run -> run.covers().contains(item)).toList();
        Set<String> checked = new LinkedHashSet<>(names(covering, State.RAN, State.CRASHED));
        cited.forEach(f -> checked.add(f.probe()));
        long errors = count(cited, Severity.ERROR);
        long warnings = count(cited, Severity.WARNING);
        if (errors > 0) {
            String why = Plural.of(errors, "error")
                    + (warnings > 0 ? ", " + Plural.of(warnings, "warning") : "");
            return new ChecklistItem(item, Status.FAIL, List.copyOf(checked), why);
        }
        if (warnings > 0) {
            return new ChecklistItem(item, Status.WARNING, List.copyOf(checked), Plural.of(warnings, "warning"));
        }
        List<String> crashed = names(covering, State.CRASHED);
        if (!crashed.isEmpty()) {
            return new ChecklistItem(item, Status.NOT_CHECKED, crashed, String.join(", ", crashed) + " crashed");
        }
        // A probe that could not run leaves its items unchecked even where another probe passed them:
        // the reporting probe seeing a canary says nothing about whether a model memorised the suite.
        List<ProbeRun> unavailable = covering.stream().filter(run -> run.state() == State.UNAVAILABLE).toList();
        if (!unavailable.isEmpty()) {
            return new ChecklistItem(item, Status.NOT_CHECKED, unavailable.stream().map(ProbeRun::probe).toList(),
                    String.join("; ", unavailable.stream().map(run -> run.probe() + " " + run.why()).toList()));
        }
        if (!checked.isEmpty()) {
            long infos = count(cited, Severity.INFO);
            return new ChecklistItem(item, Status.PASS, List.copyOf(checked),
                    "no flaw found" + (infos > 0 ? "; " + Plural.of(infos, "info finding") : ""));
        }
        List<ProbeRun> notApplicable = covering.stream().filter(run -> run.state() == State.NOT_APPLICABLE).toList();
        if (!notApplicable.isEmpty()) {
            return new ChecklistItem(item, Status.NOT_APPLICABLE, notApplicable.stream().map(ProbeRun::probe).toList(),
                    String.join("; ", notApplicable.stream().map(ProbeRun::why).distinct().toList()));
        }
        List<String> unselected = names(covering, State.NOT_SELECTED);
        if (!unselected.isEmpty()) {
            return new ChecklistItem(item, Status.NOT_CHECKED, unselected, "its probes were not selected (--probe)");
        }
        return new ChecklistItem(item, Status.NOT_CHECKED, List.of(), "Assay has no probe for it");
    }

    private static List<String> names(List<ProbeRun> runs, State... states) {
        List<State> wanted = Arrays.asList(states);
        return runs.stream().filter(run -> wanted.contains(run.state())).map(ProbeRun::probe).toList();
    }

    private static long count(List<FindingGroup> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}

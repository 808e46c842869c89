package io.assay.core.audit;

import io.assay.core.baseline.TrivialBaselines;
import io.assay.core.environment.Environments;
import io.assay.launcher.AddedProbe;
import io.assay.launcher.AuditSettings;
import io.assay.launcher.InputException;
import io.assay.core.plugin.ComponentRegistry;
import io.assay.core.reward.RewardChecks;
import io.assay.core.run.SingleTrials;
import io.assay.core.suite.SuiteRepository;
import io.assay.kit.Parallel;
import io.assay.spi.Agent;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.RewardCheck;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs the audit probes that apply to a suite (the plugins' and those the front end adds, see
 * {@link AddedProbe}), collects their findings and states each checklist item's status. A probe
 * that crashes does not end the audit: its crash is itself an error finding, since an unchecked
 * flaw class means the suite is not known to be sound.
 */
public final class Auditor {

    private final SuiteRepository suites;
    private final ComponentRegistry registry;
    private final RewardChecks rewardChecks;
    private final Environments environments;

    @Inject
    public Auditor(SuiteRepository suites, ComponentRegistry registry, RewardChecks rewardChecks,
                   Environments environments) {
        this.suites = suites;
        this.registry = registry;
        this.rewardChecks = rewardChecks;
        this.environments = environments;
    }

    /**
     * Audits the suite in {@code directory}.
     *
     * @param progress told the name of each probe that applies to the suite, in probe order, once it
     *     is known to apply (the probes then run at once)
     */
    public AuditReport audit(Path directory, AuditSettings settings, Consumer<String> progress) throws Exception {
        Suite whole = environments.configure(
                suites.loadForAudit(directory, Optional.ofNullable(settings.selection().split())),
                settings.environmentOptions());
        Suite suite = settings.selection().applyTo(whole, settings.seed());
        RewardChecks checks = rewardChecks.withDefaults(settings.checkDefaults(), suite);
        List<AuditProbe> available = new ArrayList<>(registry.auditProbes());
        settings.addedProbes().stream().map(AddedProbe::probe).filter(Objects::nonNull).forEach(available::add);
        List<AddedProbe> unavailable = settings.addedProbes().stream().filter(added -> added.probe() == null).toList();
        List<AuditProbe> probes = selectedProbes(settings.probes(), available, unavailable);
        List<ProbeRun> runs = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try (SingleTrials trials = new SingleTrials(suite, registry, checks, environments, settings.timeout(),
                settings.concurrency())) {
            for (Outcome outcome : runAll(probes, new Context(suite, settings.repeats(), trials, checks), progress)) {
                runs.add(outcome.run());
                findings.addAll(outcome.findings());
            }
        }
        available.stream().filter(probe -> !probes.contains(probe))
                .forEach(probe -> runs.add(ProbeRun.of(probe, ProbeRun.State.NOT_SELECTED)));
        for (AddedProbe added : unavailable) {
            boolean selected = settings.probes().isEmpty() || settings.probes().contains(added.name());
            runs.add(selected ? ProbeRun.unavailable(added)
                    : new ProbeRun(added.name(), added.covers(), ProbeRun.State.NOT_SELECTED, null));
        }
        findings.sort(order(suite));
        List<FindingGroup> groups = FindingGroup.of(findings);
        Map<String, Object> summary = summary(suite, runs, groups, checks);
        if (!settings.selection().isAll()) {
            summary.put("suite_tasks", whole.tasks().size());
            summary.put("selection", settings.selection());
            if (settings.selection().sample() != null) {
                summary.put("seed", settings.seed());
            }
        }
        return new AuditReport(suite.id(), List.copyOf(findings), ChecklistItem.of(runs, groups), summary);
    }

    /** How one probe's turn ended, and what it found. */
    private record Outcome(ProbeRun run, List<Finding> findings) {
    }

    /**
     * Runs every probe that applies to the suite, all at once, outcomes in probe order. They
     * overlap because most of a sandboxed probe's time is its trials waiting on containers, which
     * the trials of other probes can fill (the trials' shared limit keeps the machine from
     * crowding). {@code progress} is told the applicable probes' names in probe order first.
     */
    private static List<Outcome> runAll(List<AuditProbe> probes, AuditContext context, Consumer<String> progress)
            throws InterruptedException {
        Outcome[] outcomes = new Outcome[probes.size()];
        List<Integer> applicable = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            AuditProbe probe = probes.get(i);
            try {
                Optional<String> notApplicable = probe.notApplicable(context);
                if (notApplicable.isPresent()) {
                    outcomes[i] = new Outcome(ProbeRun.notApplicable(probe, notApplicable.get()), List.of());
                } else {
                    applicable.add(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("audit interrupted", e);
            } catch (Exception | LinkageError e) {
                outcomes[i] = crashed(probe, e);
            }
        }
        applicable.forEach(i -> progress.accept(probes.get(i).name()));
        List<Outcome> ran = Parallel.map(applicable, Math.max(1, applicable.size()), i -> run(probes.get(i), context));
        for (int k = 0; k < applicable.size(); k++) {
            outcomes[applicable.get(k)] = ran.get(k);
        }
        return List.of(outcomes);
    }

    /** Runs an applicable {@code probe}; findings carry its name. */
    private static Outcome run(AuditProbe probe, AuditContext context) {
        try {
            List<Finding> findings = new ArrayList<>();
            for (Finding f : probe.audit(context)) {
                findings.add(Objects.equals(f.probe(), probe.name()) ? f
                        : new Finding(probe.name(), f.abc(), f.severity(), f.task(), f.message(), f.evidence(), f.cause()));
            }
            return new Outcome(ProbeRun.of(probe, ProbeRun.State.RAN), findings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (Exception | LinkageError e) {
            return crashed(probe, e);
        }
    }

    /** A crash is itself an error finding: the flaw class the probe covers went unchecked. */
    private static Outcome crashed(AuditProbe probe, Throwable e) {
        return new Outcome(ProbeRun.of(probe, ProbeRun.State.CRASHED), List.of(new Finding(probe.name(), List.of(),
                Finding.Severity.ERROR, null, "the probe crashed, so this flaw class was not checked: " + e, Map.of())));
    }

    /** The probes {@code names} select among {@code all}; a name of an unavailable probe selects nothing to run. */
    private static List<AuditProbe> selectedProbes(List<String> names, List<AuditProbe> all, List<AddedProbe> unavailable) {
        if (names.isEmpty()) {
            return all;
        }
        List<String> known = new ArrayList<>(all.stream().map(AuditProbe::name).toList());
        unavailable.forEach(added -> known.add(added.name()));
        List<AuditProbe> selected = new ArrayList<>();
        for (String name : names) {
            if (unavailable.stream().anyMatch(added -> added.name().equals(name))) {
                continue;
            }
            selected.add(all.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new InputException("unknown audit probe '" + name + "'; available: "
                            + String.join(", ", known))));
        }
        return selected;
    }

    private static Map<String, Object> summary(Suite suite, List<ProbeRun> runs, List<FindingGroup> findings,
                                               RewardChecks rewardChecks) {
        List<ProbeRun> applied = runs.stream()
                .filter(run -> run.state() == ProbeRun.State.RAN || run.state() == ProbeRun.State.CRASHED).toList();
        Map<String, String> notApplicable = new LinkedHashMap<>();
        runs.stream().filter(run -> run.state() == ProbeRun.State.NOT_APPLICABLE)
                .forEach(run -> notApplicable.put(run.probe(), run.why()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tasks", suite.tasks().size());
        summary.put("probes", applied.stream().map(ProbeRun::probe).toList());
        summary.put("not_applicable", notApplicable);
        Map<String, String> notRun = new LinkedHashMap<>();
        runs.stream().filter(run -> run.state() == ProbeRun.State.UNAVAILABLE).forEach(run -> notRun.put(run.probe(), run.why()));
        if (!notRun.isEmpty()) {
            summary.put("not_run", notRun);
        }
        summary.put("covers", applied.stream().flatMap(run -> run.covers().stream()).distinct().toList());
        for (Finding.Severity severity : Finding.Severity.values()) {
            summary.put(AuditFormats.label(severity), findings.stream().filter(f -> f.severity() == severity).count());
        }
        Map<String, Long> byProbe = new TreeMap<>();
        findings.forEach(f -> byProbe.merge(f.probe(), 1L, Long::sum));
        summary.put("by_probe", byProbe);
        summary.put("baselines", TrivialBaselines.scores(suite, task -> rewardChecks.forTask(suite, task)));
        return summary;
    }

    /** The probes' view of the suite. */
    private static final class Context implements AuditContext {
        private final Suite suite;
        private final int repeats;
        private final SingleTrials trials;
        private final RewardChecks rewardChecks;

        Context(Suite suite, int repeats, SingleTrials trials, RewardChecks rewardChecks) {
            this.suite = suite;
            this.repeats = repeats;
            this.trials = trials;
            this.rewardChecks = rewardChecks;
        }

        @Override
        public Suite suite() {
            return suite;
        }

        @Override
        public RewardCheck check(Task task) {
            return rewardChecks.forTask(suite, task);
        }

        @Override
        public int repeats() {
            return repeats;
        }

        @Override
        public TrialRecord trial(String agent, Task task, int epoch) throws InterruptedException {
            return trials.run(agent, task, epoch);
        }

        @Override
        public TrialRecord trial(Agent agent, Task task, int epoch) throws InterruptedException {
            return trials.run(agent, task, epoch);
        }

        @Override
        public TrialRecord ungradedTrial(Agent agent, Task task, int epoch) throws InterruptedException {
            return trials.runUngraded(agent, task, epoch);
        }
    }

    /** By severity, then probe, then the suite's own task order (task "2" before "12"), suite-level findings first. */
    private static Comparator<Finding> order(Suite suite) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < suite.tasks().size(); i++) {
            position.putIfAbsent(suite.tasks().get(i).id(), i);
        }
        return Comparator.comparing(Finding::severity).thenComparing(Finding::probe)
                .thenComparing(finding -> finding.task() == null ? -1 : position.getOrDefault(finding.task(), Integer.MAX_VALUE))
                .thenComparing(Finding::task, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}

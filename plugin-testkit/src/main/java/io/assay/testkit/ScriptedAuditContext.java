package io.assay.testkit;

import io.assay.spi.Agent;
import io.assay.spi.AgentInput;
import io.assay.spi.AgentOutput;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Finding;
import io.assay.spi.Options;
import io.assay.spi.Outcome;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import io.assay.spi.TrialRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@link AuditContext} without the harness, to run an audit probe against an in-memory suite:
 * the test says how tasks are graded and what each agent's trials return. It is immutable; each
 * {@code with} method returns a new context. What it was not told fails with an
 * {@link IllegalStateException} naming the missing piece, so a probe that reaches for more than the
 * test scripted is noticed.
 *
 * <ul>
 *   <li>{@link #check(Task)}: the one check given to {@link #withCheck}, or the check that
 *       {@link #withChecks} creates from the task's reward spec;</li>
 *   <li>{@link #trial(String, Task, int)}: the records scripted with {@link #withTrials}, or a trial
 *       of the agent given to {@link #withAgent};</li>
 *   <li>{@link #trial(Agent, Task, int)}: by default the agent runs with no environment (its session
 *       is empty), and its answer is graded by {@link #check(Task)}; an exception from the agent
 *       makes an {@link Outcome#AGENT_ERROR} record, an {@link EnvironmentException} a
 *       {@link Outcome#HARNESS_ERROR} one. {@link #withAgentTrials} replaces this;</li>
 *   <li>{@link #repeats()}: 3, as {@code assay audit} without {@code --repeats}.</li>
 * </ul>
 *
 * <pre>{@code
 * ScriptedAuditContext context = ScriptedAuditContext.of(suite)
 *         .withChecks(Checks.of(new MyPlugin()))
 *         .withAgent("oracle", input -> AgentOutput.of(String.valueOf(input.task().solution())))
 *         .withTrials("null", (task, epoch) -> TrialRecords.ended(suite, task, epoch, Outcome.AGENT_ERROR, "no answer"));
 * List<Finding> findings = context.audit(new MyProbe());
 * }</pre>
 */
public final class ScriptedAuditContext implements AuditContext {
    /** What a trial's agent gets for an environment when there is none. */
    private static final EnvironmentSession NO_ENVIRONMENT = () -> { };

    /**
     * The scripted trials of one registered agent.
     *
     * <pre>{@code
     * TrialScript flaky = (task, epoch) -> epoch == 0
     *         ? TrialRecords.completed(suite, task, epoch, AgentOutput.of("Paris"), RewardResult.pass("equal"))
     *         : TrialRecords.ended(suite, task, epoch, Outcome.HARNESS_ERROR, "container did not start");
     * }</pre>
     */
    @FunctionalInterface
    public interface TrialScript {
        TrialRecord trial(Task task, int epoch) throws Exception;
    }

    /**
     * How trials of the agents a probe makes itself run.
     *
     * <pre>{@code
     * AgentTrials inSandbox = (agent, task, epoch) -> {
     *     try (EnvironmentSession session = environment.start(task, epoch)) {
     *         AgentOutput output = agent.act(new AgentInput(task, epoch, 0, session));
     *         return TrialRecords.completed(suite, task, epoch, output, Grade.inSession(check, task, output, session));
     *     }
     * };
     * }</pre>
     */
    @FunctionalInterface
    public interface AgentTrials {
        TrialRecord trial(Agent agent, Task task, int epoch) throws Exception;
    }

    /** A registered agent's trials, run in the context the probe was given (which knows its latest checks). */
    private interface NamedTrials {
        TrialRecord trial(ScriptedAuditContext context, Task task, int epoch) throws Exception;
    }

    private final Suite suite;
    private final Function<Task, RewardCheck> checks;
    private final int repeats;
    private final Map<String, NamedTrials> scripts;
    private final AgentTrials agentTrials;

    private ScriptedAuditContext(Suite suite, Function<Task, RewardCheck> checks, int repeats,
                                 Map<String, NamedTrials> scripts, AgentTrials agentTrials) {
        this.suite = suite;
        this.checks = checks;
        this.repeats = repeats;
        this.scripts = Map.copyOf(scripts);
        this.agentTrials = agentTrials;
    }

    /** A context for {@code suite} that knows no check and no agent yet. */
    public static ScriptedAuditContext of(Suite suite) {
        return new ScriptedAuditContext(suite, null, 3, Map.of(), null);
    }

    /** Every task is graded by {@code check}. */
    public ScriptedAuditContext withCheck(RewardCheck check) {
        return new ScriptedAuditContext(suite, task -> check, repeats, scripts, agentTrials);
    }

    /** Each task is graded by the check {@code checks} creates from its reward spec (its own, else the suite's). */
    public ScriptedAuditContext withChecks(RewardCheckFactory.Context checks) {
        return new ScriptedAuditContext(suite, task -> checks.create(rewardSpec(task)), repeats, scripts, agentTrials);
    }

    /** What {@link #repeats()} answers. */
    public ScriptedAuditContext withRepeats(int count) {
        return new ScriptedAuditContext(suite, checks, count, scripts, agentTrials);
    }

    /** The trials of the registered agent {@code agent}: {@code script} returns each record. */
    public ScriptedAuditContext withTrials(String agent, TrialScript script) {
        return withNamed(agent, (context, task, epoch) -> script.trial(task, epoch));
    }

    /** The registered agent {@code name} is {@code agent}: its trials run as {@link #trial(Agent, Task, int)} does. */
    public ScriptedAuditContext withAgent(String name, Agent agent) {
        return withNamed(name, (context, task, epoch) -> context.trial(agent, task, epoch));
    }

    private ScriptedAuditContext withNamed(String agent, NamedTrials trials) {
        Map<String, NamedTrials> more = new LinkedHashMap<>(scripts);
        more.put(agent, trials);
        return new ScriptedAuditContext(suite, checks, repeats, more, agentTrials);
    }

    /** How {@link #trial(Agent, Task, int)} runs, for a test that needs an environment or a broken runtime. */
    public ScriptedAuditContext withAgentTrials(AgentTrials trials) {
        return new ScriptedAuditContext(suite, checks, repeats, scripts, trials);
    }

    /**
     * Runs {@code probe} as {@code assay audit} does: asks whether it applies, then audits.
     *
     * @return its findings, as it reported them
     * @throws IllegalStateException when the probe does not apply to the suite, with its reason
     */
    public List<Finding> audit(AuditProbe probe) throws Exception {
        Optional<String> notApplicable = probe.notApplicable(this);
        if (notApplicable.isPresent()) {
            throw new IllegalStateException("probe '" + probe.name() + "' does not apply to suite '" + suite.id()
                    + "': " + notApplicable.get());
        }
        return probe.audit(this);
    }

    @Override
    public Suite suite() {
        return suite;
    }

    @Override
    public RewardCheck check(Task task) {
        if (checks == null) {
            throw new IllegalStateException("no reward check for task '" + task.id()
                    + "': give the context one with withCheck(...) or withChecks(...)");
        }
        return checks.apply(task);
    }

    @Override
    public int repeats() {
        return repeats;
    }

    @Override
    public TrialRecord trial(String agent, Task task, int epoch) throws Exception {
        NamedTrials trials = scripts.get(agent);
        if (trials == null) {
            throw new IllegalStateException("no trials of agent '" + agent + "' (task '" + task.id()
                    + "'): give the context withTrials(\"" + agent + "\", ...) or withAgent(\"" + agent + "\", ...)");
        }
        return trials.trial(this, task, epoch);
    }

    @Override
    public TrialRecord trial(Agent agent, Task task, int epoch) throws Exception {
        if (agentTrials != null) {
            return agentTrials.trial(agent, task, epoch);
        }
        AgentOutput output;
        try {
            output = agent.act(new AgentInput(task, epoch, 0, NO_ENVIRONMENT));
        } catch (InterruptedException e) {
            throw e;
        } catch (EnvironmentException e) {
            return TrialRecords.ended(suite, task, epoch, Outcome.HARNESS_ERROR, e.toString());
        } catch (Exception e) {
            return TrialRecords.ended(suite, task, epoch, Outcome.AGENT_ERROR, e.toString());
        }
        return TrialRecords.completed(suite, task, epoch, output, Grade.output(check(task), task, output));
    }

    private Options rewardSpec(Task task) {
        Options spec = suite.rewardFor(task);
        if (spec == null) {
            throw new IllegalStateException("task '" + task.id() + "' has no reward spec and suite '" + suite.id()
                    + "' no default: give one to the task or the suite, or give the context withCheck(...)");
        }
        return spec;
    }
}

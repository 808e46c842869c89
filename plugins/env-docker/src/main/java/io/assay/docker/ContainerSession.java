package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import io.assay.spi.AgentOutput;
import io.assay.spi.CommandResult;
import io.assay.spi.EnvironmentException;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.ReferenceSolution;
import io.assay.spi.RewardResult;
import io.assay.spi.Sandbox;
import io.assay.spi.TraceStep;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One trial's container: the agent acts in it through {@link Sandbox}, the {@code oracle} applies
 * the task's {@code solution/} through {@link ReferenceSolution}, and {@code harbor-tests} grades
 * its end state with {@link #verify()}. Closing it removes the container.
 *
 * <pre>{@code
 * if (input.environment() instanceof Sandbox sandbox) {   // any agent, in any plugin
 *     CommandResult make = sandbox.run("make", Duration.ofMinutes(2));
 *     return AgentOutput.of(make.stdout());
 * }
 * }</pre>
 *
 * <p>Outside this plugin's own calls the session arrives as the host's proxy over its SPI
 * interfaces ({@code docs/writing-a-plugin.md}), so other code reaches it as a {@link Sandbox}.
 *
 * <p>The task's {@code tests/} enter the container only in {@link #verify()}, after the agent has
 * finished, and {@code solution/} only in {@link #solve()}. Every command runs within the task's
 * agent time limit, counted from the session's start.
 */
public final class ContainerSession implements EnvironmentSession, Sandbox, ReferenceSolution {
    private static final String TESTS = "/tests";
    private static final String REWARDS = "/logs/verifier";
    private static final String REWARD_TXT = REWARDS + "/reward.txt";
    private static final String REWARD_JSON = REWARDS + "/reward.json";
    private static final String SOLUTION = "/solution";
    private static final int OUTPUT_TAIL = 2000;

    private final String containerId;
    private final HarborTask task;
    private final TaskImages.TaskImage image;
    private final String workdir;
    private final ContainerExec exec;
    private final ContainerFiles files;
    private final Runnable remove;
    private final long agentDeadline;
    private final List<TraceStep> trace = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    ContainerSession(DockerClient docker, String containerId, HarborTask task, TaskImages.TaskImage image, Runnable remove) {
        this.containerId = containerId;
        this.task = task;
        this.image = image;
        this.workdir = image.workdir();
        this.exec = new ContainerExec(docker, containerId, workdir);
        this.files = new ContainerFiles(docker, containerId);
        this.remove = remove;
        this.agentDeadline = System.nanoTime() + task.agentTimeout().toNanos();
    }

    /** The task this container was made for. */
    public HarborTask task() {
        return task;
    }

    /**
     * Runs {@code command} with {@code sh -c} in the working directory, within {@code timeout} and
     * the task's remaining agent time, and records it in {@link #trace()}. Output beyond 1 MiB per
     * stream is cut; once the agent time is spent, commands time out without running.
     */
    @Override
    public CommandResult run(String command, Duration timeout) throws InterruptedException {
        long left = agentDeadline - System.nanoTime();
        Duration limit = timeout.toNanos() < left ? timeout : Duration.ofNanos(Math.max(left, 0));
        CommandResult result = limit.isPositive()
                ? exec.run(command, limit, Map.of())
                : new CommandResult(-1, "", "", true, false);
        synchronized (trace) {
            trace.add(commandStep(command, result));
        }
        return result;
    }

    /** The trace step of one command run in a sandbox: {@code {"kind":"command","data":{"command":...}}}. */
    static TraceStep commandStep(String command, CommandResult result) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("command", command);
        step.put("exit_code", result.exitCode());
        step.put("stdout", result.stdout());
        step.put("stderr", result.stderr());
        step.put("timed_out", result.timedOut());
        return new TraceStep("command", step);
    }

    @Override
    public void writeFile(String path, byte[] content) {
        files.write(absolute(path), content);
    }

    @Override
    public byte[] readFile(String path) {
        return files.read(absolute(path));
    }

    @Override
    public String workingDirectory() {
        return workdir;
    }

    /** Every command {@link #run} has run so far, in order, for the agent's output. */
    public List<TraceStep> trace() {
        synchronized (trace) {
            return List.copyOf(trace);
        }
    }

    /**
     * Uploads the task's {@code solution/} to {@code /solution} and runs {@code solve.sh} in the
     * working directory; the answer is its stdout.
     *
     * @throws IllegalStateException when the task has no {@code solution/solve.sh}
     */
    @Override
    public AgentOutput solve() throws InterruptedException {
        if (!task.hasSolution()) {
            throw new IllegalStateException("task " + task.id() + " has no solution/solve.sh to run");
        }
        files.upload(task.solutionDirectory(), SOLUTION);
        CommandResult result = run("bash " + SOLUTION + "/solve.sh", task.agentTimeout());
        return new AgentOutput(result.stdout(), trace());
    }

    /**
     * Grades the container's end state the Harbor way: clears whatever the agent left at
     * {@code /tests} and {@code /logs/verifier}, copies the task's {@code tests/} to {@code /tests},
     * runs {@code bash /tests/test.sh} with the verifier's environment and time limit, and reads
     * {@code /logs/verifier/reward.txt} or {@code reward.json}. Passed means a score of 1. The
     * evidence names the image the container ran ({@code image: {tag, id}}), so a trial's record
     * says which image it was graded in even after the tag names another.
     *
     * @throws EnvironmentException ("verifier error: ...") when test.sh times out or leaves no
     *     valid reward in [0, 1]: a broken verifier is never scored as 0
     */
    public RewardResult verify() throws InterruptedException {
        // Staged under a name the agent cannot guess, then moved into place by the exec that runs
        // the tests: one exec fewer per trial than clearing, copying and running one by one.
        String staged = "/.assay-tests-" + UUID.randomUUID();
        files.upload(task.testsDirectory(), staged);
        CommandResult tests = exec.run("rm -rf " + TESTS + " " + REWARDS + " && mv " + staged + " " + TESTS
                + " && mkdir -p " + REWARDS + " || { echo 'assay: could not reset " + TESTS + " and " + REWARDS
                + "' >&2; exit 1; }; bash " + TESTS + "/test.sh", task.verifierTimeout(), task.verifierEnv());
        if (tests.timedOut()) {
            throw verifierError("test.sh did not finish within "
                    + BigDecimal.valueOf(task.verifierTimeout().toMillis(), 3).stripTrailingZeros().toPlainString()
                    + " s", tests);
        }
        VerifierReward reward = readReward(tests);
        return new RewardResult(reward.score(), reward.score() >= 1.0,
                "reward " + BigDecimal.valueOf(reward.score()).stripTrailingZeros().toPlainString()
                        + "; test.sh exited " + tests.exitCode(),
                Map.of("rewards", reward.values(), "exit_code", tests.exitCode(), "output_tail", tail(tests),
                        "image", image.evidence()));
    }

    /** The container's id, for tests that inspect it. */
    String containerId() {
        return containerId;
    }

    /** Removes the container; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            remove.run();
        }
    }

    private VerifierReward readReward(CommandResult tests) {
        String file = REWARD_TXT;
        try {
            Optional<byte[]> text = files.find(REWARD_TXT);
            if (text.isPresent()) {
                return VerifierReward.fromText(new String(text.get(), StandardCharsets.UTF_8));
            }
            file = REWARD_JSON;
            Optional<byte[]> json = files.find(REWARD_JSON);
            if (json.isPresent()) {
                return VerifierReward.fromJson(new String(json.get(), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw verifierError(file + ": " + e.getMessage(), tests);
        }
        throw verifierError("test.sh wrote neither " + REWARD_TXT + " nor " + REWARD_JSON, tests);
    }

    private static EnvironmentException verifierError(String what, CommandResult tests) {
        return new EnvironmentException("verifier error: " + what + "; test.sh exited " + tests.exitCode()
                + "; output tail: " + tail(tests));
    }

    private String absolute(String path) {
        return path.startsWith("/") ? path : workdir + (workdir.endsWith("/") ? "" : "/") + path;
    }

    private static String tail(CommandResult result) {
        String text = result.stdout() + (result.stderr().isEmpty() ? "" : "\n[stderr]\n" + result.stderr());
        return text.length() > OUTPUT_TAIL ? "..." + text.substring(text.length() - OUTPUT_TAIL) : text;
    }
}

package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.assay.spi.CommandResult;
import io.assay.spi.EnvironmentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell commands in one container with {@code docker exec}: output capped per stream, and a
 * command past its timeout killed with every process it started.
 *
 * <p>Docker starts each exec'd process as a session leader, so its pid is also the process group
 * of everything it spawns; the wrapper prints that pid on stderr first, and a timeout kills the
 * whole group from a second exec. No file is left in the container and no tool beyond {@code sh}
 * and {@code kill} is needed.
 */
final class ContainerExec {
    /** Most bytes kept from each of stdout and stderr. */
    static final int OUTPUT_LIMIT = 1 << 20;

    private static final String WRAPPER = "echo $$ >&2; exec sh -c \"$1\"";
    /** How long a killed command gets to close its streams, and a kill or exit-code query to answer. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final DockerClient docker;
    private final String containerId;
    private final String workdir;

    ContainerExec(DockerClient docker, String containerId, String workdir) {
        this.docker = docker;
        this.containerId = containerId;
        this.workdir = workdir;
    }

    /**
     * Runs {@code command} with {@code sh -c} in the working directory.
     *
     * @param env extra environment variables
     * @throws EnvironmentException when Docker fails
     */
    CommandResult run(String command, Duration timeout, Map<String, String> env) throws InterruptedException {
        String execId;
        Output output = new Output();
        try {
            execId = docker.execCreateCmd(containerId)
                    .withCmd("sh", "-c", WRAPPER, "sh", command)
                    .withWorkingDir(workdir)
                    .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            docker.execStartCmd(execId).exec(output);
        } catch (RuntimeException e) {
            throw failure("could not start '" + command + "'", e);
        }
        try (output) {
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killGroup(output);
                output.awaitCompletion(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return output.result(-1, true);
            }
            return output.result(exitCode(execId), false);
        } catch (InterruptedException e) {
            // The run is stopping: stop the command too, without waiting on the interrupted thread.
            Thread.ofVirtual().start(() -> {
                try {
                    killGroup(output);
                } catch (InterruptedException | RuntimeException ignored) {
                    // Best effort: the container is removed when its session closes anyway.
                }
            });
            throw e;
        } catch (EnvironmentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure("'" + command + "' failed", e);
        }
    }

    private void killGroup(Output output) throws InterruptedException {
        Long pid = output.awaitPid();
        if (pid == null) {
            return; // The wrapper never started, so nothing runs.
        }
        String execId = docker.execCreateCmd(containerId).withCmd("sh", "-c", "kill -9 -" + pid).exec().getId();
        try (ResultCallback.Adapter<Frame> done = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<>())) {
            done.awaitCompletion(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw failure("could not stop a timed-out command", e);
        }
    }

    private int exitCode(String execId) throws InterruptedException {
        // The stream can end a moment before Docker records the exit code.
        long giveUp = System.nanoTime() + GRACE.toNanos();
        while (true) {
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            if (code != null) {
                return code.intValue();
            }
            if (System.nanoTime() > giveUp) {
                throw new EnvironmentException("docker exec in container " + shortId() + " ended without an exit code");
            }
            Thread.sleep(5);
        }
    }

    private EnvironmentException failure(String what, Exception cause) {
        return new EnvironmentException("docker exec in container " + shortId() + ": " + what + ": " + cause.getMessage(),
                cause);
    }

    private String shortId() {
        return containerId.substring(0, Math.min(12, containerId.length()));
    }

    /** Collects an exec's streams; the first stderr line is the wrapper's pid, not the command's output. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final CappedBytes stdout = new CappedBytes();
        private final CappedBytes stderr = new CappedBytes();
        private final ByteArrayOutputStream pidLine = new ByteArrayOutputStream();
        private final CountDownLatch pidKnown = new CountDownLatch(1);
        private volatile Long pid;

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            switch (frame.getStreamType()) {
                case STDERR -> stderr(payload);
                case STDOUT, RAW -> stdout.append(payload, 0, payload.length);
                default -> {
                }
            }
        }

        private synchronized void stderr(byte[] payload) {
            int from = 0;
            while (pid == null && from < payload.length) {
                byte next = payload[from++];
                if (next != '\n') {
                    pidLine.write(next);
                    continue;
                }
                String line = pidLine.toString(StandardCharsets.UTF_8);
                pidLine.reset();
                if (line.matches("[0-9]+")) {
                    pid = Long.valueOf(line);
                    pidKnown.countDown();
                } else {
                    // A shell's start-up warning, printed before the wrapper's pid line.
                    byte[] text = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    stderr.append(text, 0, text.length);
                }
            }
            stderr.append(payload, from, payload.length - from);
        }

        Long awaitPid() throws InterruptedException {
            pidKnown.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return pid;
        }

        CommandResult result(int exitCode, boolean timedOut) {
            return new CommandResult(exitCode, stdout.text(), stderr.text(), timedOut,
                    stdout.truncated() || stderr.truncated());
        }
    }

    /** Keeps the first {@link #OUTPUT_LIMIT} bytes of a stream and notes whether more came. */
    private static final class CappedBytes {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        synchronized void append(byte[] data, int offset, int length) {
            int room = OUTPUT_LIMIT - bytes.size();
            if (length > room) {
                truncated = true;
            }
            bytes.write(data, offset, Math.min(length, room));
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }
}

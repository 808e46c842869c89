package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.assay.spi.EnvironmentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Copies files into and out of a container with one {@code docker exec} of {@code sh} as root,
 * rather than Docker's archive endpoints: on Docker 20.10 every archive copy starts a helper
 * process of the engine, which costs the engine about 0.15 s of CPU against 0.02 s for an exec
 * (measured in docs/performance.md, "Sandboxed audits"), and a sandboxed trial copies two to
 * five times. The result is the same as the archive copy's: files owned by root with the given
 * mode, a file or symbolic link at the path replaced, missing parent directories made.
 *
 * <p>Content travels in the exec's arguments as {@code printf} formats (octal escapes for all but
 * plain characters), so only {@code sh}, {@code printf}, {@code mkdir}, {@code rm}, {@code chmod}
 * and {@code cat} are needed. When the image lacks one ({@link Copy#MISSING_TOOL}) or the content
 * is too large for arguments, {@link ContainerFiles} uses the archive endpoints instead.
 *
 * <pre>{@code
 * ShellCopy.Writes writes = new ShellCopy.Writes().directory("/tests").file("/tests/test.sh", bytes, 0755);
 * ShellCopy.Copy done = shell.write(writes);   // MISSING_TOOL: copy another way
 * }</pre>
 */
final class ShellCopy {
    /** Most bytes of arguments one copy sends: well under Linux's 2 MiB for arguments and environment. */
    static final int MAX_ARGUMENTS = 1 << 20;
    /** Linux refuses a single argument of 128 KiB or more. */
    private static final int CHUNK = 100_000;
    private static final Duration LIMIT = Duration.ofMinutes(1);
    /**
     * Reads its arguments as operations: {@code d DIR} makes a directory, {@code f FILE} starts a file
     * (replacing what is there), {@code c FORMAT} appends a chunk to it, {@code m MODE} sets its mode.
     */
    private static final String WRITE = "while [ $# -gt 0 ]; do case $1 in"
            + " d) mkdir -p \"$2\" ;; f) f=$2; rm -f \"$f\" && : > \"$f\" ;; c) printf \"$2\" >> \"$f\" ;;"
            + " m) chmod \"$2\" \"$f\" ;; esac || exit 1; shift 2; done";
    /** Exit 40: nothing at the path; 41: not a regular file (a symbolic link is not followed, as the archive copy does). */
    private static final String READ = "[ -e \"$1\" ] || [ -h \"$1\" ] || exit 40; [ -f \"$1\" ] && ! [ -h \"$1\" ] || exit 41;"
            + " exec cat \"$1\"";

    private final DockerClient docker;
    private final String containerId;

    ShellCopy(DockerClient docker, String containerId) {
        this.docker = docker;
        this.containerId = containerId;
    }

    /** How a copy ended. */
    enum Copy {
        DONE,
        /** The image lacks {@code sh} or one of the tools: the copy must go another way. */
        MISSING_TOOL
    }

    /** A file read: its content, or empty when nothing is at the path. */
    record Read(Optional<byte[]> content) {
    }

    /** Files and directories to write in one copy, in order. */
    static final class Writes {
        private final List<String> arguments = new ArrayList<>();
        private long size;

        /** Makes {@code path} and its missing parents. */
        Writes directory(String path) {
            return add("d", path);
        }

        /** Writes {@code content} to {@code path}, with {@code mode}, such as {@code 0644}. */
        Writes file(String path, byte[] content, int mode) {
            add("f", path);
            formats(content).forEach(chunk -> add("c", chunk));
            return add("m", Integer.toOctalString(mode));
        }

        /** Whether the arguments fit one exec. */
        boolean fits() {
            return size <= MAX_ARGUMENTS;
        }

        private Writes add(String operation, String operand) {
            arguments.add(operation);
            arguments.add(operand);
            size += operand.length() + 3;
            return this;
        }
    }

    /**
     * {@code content} as {@code printf} formats that together print exactly it: letters, digits and
     * a few safe marks as they are, every other byte as a three-digit octal escape, cut into
     * arguments of at most {@link #CHUNK} characters between escapes.
     */
    static List<String> formats(byte[] content) {
        List<String> chunks = new ArrayList<>();
        StringBuilder format = new StringBuilder();
        for (byte b : content) {
            if (format.length() > CHUNK - 4) {
                chunks.add(format.toString());
                format.setLength(0);
            }
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '/' || c == ',')) {
                format.append((char) c);
            } else {
                format.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        if (!format.isEmpty()) {
            chunks.add(format.toString());
        }
        return chunks;
    }

    /** Writes {@code writes} in one exec. */
    Copy write(Writes writes) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", WRITE, "sh"));
        command.addAll(writes.arguments);
        Result result = exec(command);
        if (missingTool(result)) {
            return Copy.MISSING_TOOL;
        }
        if (result.exitCode() != 0) {
            throw new EnvironmentException("could not write files in the container: " + result.stderr());
        }
        return Copy.DONE;
    }

    /**
     * Reads the regular file at {@code path}.
     *
     * @return {@code null} when the image lacks a tool, so the file must be read another way
     * @throws EnvironmentException when the path is a directory, a link or another non-regular file
     */
    Read read(String path) {
        Result result = exec(List.of("sh", "-c", READ, "sh", path));
        return switch (result.exitCode()) {
            case 0 -> new Read(Optional.of(result.stdout()));
            case 40 -> new Read(Optional.empty());
            case 41 -> throw new EnvironmentException("not a regular file in the container: " + path);
            default -> {
                if (missingTool(result)) {
                    yield null;
                }
                throw new EnvironmentException("could not read " + path + " from the container: " + result.stderr());
            }
        };
    }

    /** 126 and 127: the shell could not find or run a program (or the engine could not run {@code sh}). */
    private static boolean missingTool(Result result) {
        return result.exitCode() == 126 || result.exitCode() == 127;
    }

    private record Result(int exitCode, byte[] stdout, String stderr) {
    }

    /** Runs {@code command}; an interrupt ends the copy as a failure, with the thread's interrupt flag set again. */
    private Result exec(List<String> command) {
        try {
            return execInterruptibly(command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while copying files in the container", e);
        }
    }

    private Result execInterruptibly(List<String> command) throws InterruptedException {
        Output output = new Output();
        String execId;
        try {
            execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new)).withUser("0")
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            docker.execStartCmd(execId).exec(output);
        } catch (RuntimeException e) {
            throw new EnvironmentException("could not copy files in the container: " + e.getMessage(), e);
        }
        try (output) {
            if (!output.awaitCompletion(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EnvironmentException("copying files in the container did not finish within " + LIMIT.toSeconds() + " s");
            }
        } catch (IOException e) {
            throw new EnvironmentException("could not copy files in the container: " + e.getMessage(), e);
        }
        return new Result(exitCode(execId), output.stdout.toByteArray(), output.stderr.toString(StandardCharsets.UTF_8));
    }

    private int exitCode(String execId) throws InterruptedException {
        // The stream can end a moment before Docker records the exit code.
        for (int attempt = 0; attempt < 1000; attempt++) {
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            if (code != null) {
                return code.intValue();
            }
            Thread.sleep(5);
        }
        throw new EnvironmentException("a file copy's docker exec ended without an exit code");
    }

    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        @Override
        public synchronized void onNext(Frame frame) {
            switch (frame.getStreamType()) {
                case STDOUT, RAW -> stdout.writeBytes(frame.getPayload());
                case STDERR -> stderr.writeBytes(frame.getPayload());
                default -> {
                }
            }
        }
    }
}

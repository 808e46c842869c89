package io.assay.cli.slurm;

import io.assay.launcher.InputException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Slurm client command ({@code sbatch}, {@code squeue}, {@code scancel}) run as a process with
 * its arguments as given, never through a shell, so paths and user flags need no quoting.
 *
 * <pre>{@code
 * SlurmCommand.Result result = SlurmCommand.run(List.of("squeue", "-h", "-j", "17"));
 * if (result.ok()) System.out.print(result.output());
 * }</pre>
 */
final class SlurmCommand {

    private SlurmCommand() {
    }

    /**
     * What a command printed and how it exited.
     *
     * @param output its standard output
     * @param errors its standard error, where Slurm explains a refusal
     */
    record Result(int exitCode, String output, String errors) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The command's own explanation: its last non-blank line of stderr, else of stdout. */
        String message() {
            String text = errors.isBlank() ? output : errors;
            return text.lines().filter(line -> !line.isBlank()).reduce((first, second) -> second).orElse("exit code " + exitCode).strip();
        }
    }

    /**
     * Runs {@code command} to its end.
     *
     * @throws InputException when its program is not on the PATH: Slurm's clients are not installed here
     */
    static Result run(List<String> command) throws IOException, InterruptedException {
        require(command.getFirst());
        Path stdout = Files.createTempFile("assay-slurm", ".out");
        Path stderr = Files.createTempFile("assay-slurm", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int exitCode = process.waitFor();
            return new Result(exitCode, Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * Checks that {@code program} is on the PATH.
     *
     * @throws InputException when it is not: Slurm's clients are not installed here
     */
    static void require(String program) {
        if (onPath(program).isEmpty()) {
            throw new InputException(program + " not found on the PATH: --executor slurm needs Slurm's client commands"
                    + " (sbatch, squeue, scancel) on a machine that can submit jobs",
                    "run on a Slurm login node, or install Slurm's clients (Debian: apt-get install slurm-client)");
        }
    }

    /** Where {@code program} is on the PATH, if anywhere; a name with a slash is taken as a path. */
    static Optional<Path> onPath(String program) {
        if (program.contains("/")) {
            return Optional.of(Path.of(program)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        for (String directory : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                candidates.add(Path.of(directory, program));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}

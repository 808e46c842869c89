package io.assay.cli.slurm;

import io.assay.kit.Sha256;
import io.assay.launcher.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Submits shards of a run as one Slurm job array: {@code sbatch --array=0-3} the first time, then
 * only the shards to run again ({@code --array=2}). Every task runs the same batch script, which
 * takes the shard command as its arguments and adds {@code --shard $SLURM_ARRAY_TASK_ID/N}, so no
 * user value is ever written into shell text. Each task logs to {@code RUN/slurm/shard-I.JOB.log};
 * {@code RUN/slurm/jobs} lists the array jobs submitted for the run, and each job's comment names
 * the run ({@link #tag}), so that a job submitted just before a crash, not listed yet, is found too.
 *
 * <pre>{@code
 * ArraySubmission submission = new ArraySubmission(run, 4, List.of("--time=30"), command);
 * String job = submission.submit(List.of(0, 1, 2, 3));   // "17"; tasks 17_0 .. 17_3
 * }</pre>
 *
 * @param runDirectory the run directory the shards share
 * @param shards how many shards the run is split into
 * @param slurmOptions extra {@code sbatch} arguments, one each, as given with {@code --slurm-option}
 * @param command what each task runs, without {@code --shard}
 */
record ArraySubmission(Path runDirectory, int shards, List<String> slurmOptions, ShardCommand command) {
    private static final String SCRIPT = """
            #!/bin/sh
            # One shard of an Assay run, written by `assay run --executor slurm`: $1 is how many shards
            # the run has, the rest is the command, which runs the shard of this array task.
            shards=$1
            shift
            exec "$@" --shard "$SLURM_ARRAY_TASK_ID/$shards"
            """;

    ArraySubmission {
        slurmOptions = List.copyOf(slurmOptions);
    }

    /** The folder of the batch script and the tasks' logs. */
    Path slurmDirectory() {
        return runDirectory.resolve("slurm");
    }

    /** The log of one task of a job: what the shard printed, and Slurm's word if it killed it. */
    Path log(int shard, String job) {
        return slurmDirectory().resolve("shard-" + shard + "." + job + ".log");
    }

    /**
     * Submits {@code indexes} as one array job.
     *
     * @return the job id
     * @throws InputException quoting sbatch when it refuses the job
     */
    String submit(Collection<Integer> indexes) throws IOException, InterruptedException {
        Files.createDirectories(slurmDirectory());
        Files.writeString(script(), SCRIPT, StandardCharsets.UTF_8);
        SlurmCommand.Result result = SlurmCommand.run(sbatch(indexes));
        // --parsable prints "JOB" or "JOB;CLUSTER".
        String job = result.output().strip().split(";", 2)[0];
        if (!result.ok() || !job.matches("\\d+")) {
            throw new InputException("sbatch refused the job array: " + result.message(),
                    "check the --slurm-option flags (sbatch --help) and `sinfo`, then submit the same command again"
                            + " (a run already begun in " + runDirectory + " keeps its finished shards)");
        }
        Files.writeString(jobsFile(), job + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return job;
    }

    /**
     * The {@code sbatch} command submitting {@code indexes}. {@code --no-requeue}: Slurm would
     * otherwise requeue a task itself (JobRequeue=1, its default) while the submitting command
     * resubmits it; a task's end is final, and only the submitting command runs a shard again.
     */
    List<String> sbatch(Collection<Integer> indexes) {
        List<String> sbatch = new ArrayList<>(List.of("sbatch", "--parsable", "--no-requeue",
                "--array=" + indexes.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")),
                "--job-name=assay-" + runDirectory.getFileName(),
                "--comment=" + tag(),
                "--output=" + slurmDirectory().resolve("shard-%a.%A.log"),
                "--chdir=" + Path.of("").toAbsolutePath()));
        sbatch.addAll(slurmOptions);
        sbatch.add(script().toString());
        sbatch.add(Integer.toString(shards));
        sbatch.addAll(command.arguments());
        return sbatch;
    }

    /**
     * The comment every job of this run carries, {@code assay-run:} and the start of the SHA-256
     * of the run directory's real path (through any link; as given while it does not exist):
     * unique to the run, without spaces for squeue's columns.
     */
    String tag() {
        Path real;
        try {
            real = runDirectory.toRealPath();
        } catch (IOException notYetCreated) {
            real = runDirectory.toAbsolutePath().normalize();
        }
        byte[] path = real.toString().getBytes(StandardCharsets.UTF_8);
        return "assay-run:" + HexFormat.of().formatHex(Sha256.digest().digest(path), 0, 8);
    }

    private Path script() {
        return slurmDirectory().resolve("shard.sh");
    }

    /**
     * Every array job submitted for the run so far, by any command: those {@code RUN/slurm/jobs}
     * lists, one id a line, and those the queue holds with the run's {@link #tag}.
     */
    List<String> submittedJobs() throws IOException, InterruptedException {
        Set<String> jobs = new LinkedHashSet<>();
        if (Files.exists(jobsFile())) {
            Files.readAllLines(jobsFile()).stream().filter(line -> !line.isBlank()).forEach(jobs::add);
        }
        jobs.addAll(SlurmQueue.jobsTagged(tag()));
        return List.copyOf(jobs);
    }

    private Path jobsFile() {
        return slurmDirectory().resolve("jobs");
    }
}

package io.assay.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.assay.spi.EnvironmentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The image of each task, built from its {@code environment/} directory and tagged by a hash of
 * that directory's content, so an unchanged task reuses the image already on the machine and a
 * changed one gets a new image. Each image is built at most once, however many trials wait for it.
 *
 * <p>A task that names a prebuilt {@code docker_image} gets that image as the engine has it. It is
 * never pulled: a pull needs a registry the machine may not reach, and a tag such as {@code latest}
 * can name other contents tomorrow, so what a run used would depend on when it ran.
 */
final class TaskImages {
    private static final String REPOSITORY = "assay-task/";
    private static final String DEFAULT_WORKDIR = "/app";
    private static final int LOG_TAIL = 3000;

    private final DockerClient docker;
    private final Executor executor;
    private final Map<Path, String> tags = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TaskImage>> images = new ConcurrentHashMap<>();
    private final AtomicInteger builds = new AtomicInteger();

    /**
     * A ready image and the directory commands run in.
     *
     * @param tag the name the task's image goes by, such as {@code assay-task/3f1c0a9b2d4e5f60}
     * @param id the engine's ID of the image, {@code sha256:...}: what the tag named when the trial ran
     */
    record TaskImage(String tag, String id, String workdir) {

        /** How a trial's record names its image: {@code {"tag": ..., "id": "sha256:..."}}. */
        Map<String, Object> evidence() {
            return Map.of("tag", tag, "id", id);
        }
    }

    TaskImages(DockerClient docker, Executor executor) {
        this.docker = docker;
        this.executor = executor;
    }

    /**
     * The task's image: its prebuilt {@code docker_image} when it names one (which must be on the
     * machine), else the image of its content hash, built first if missing.
     */
    TaskImage image(HarborTask task) throws InterruptedException {
        String tag = tag(task);
        // One future per tag: trials of tasks with the same environment wait for the same build. A
        // prebuilt image is looked up once per task, so a missing one's error names the task it fails.
        String key = task.dockerImage().isPresent() ? task.id() + "|" + tag : tag;
        CompletableFuture<TaskImage> image = images.computeIfAbsent(key,
                any -> CompletableFuture.supplyAsync(() -> prepare(task, tag), executor));
        try {
            return image.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EnvironmentException failure
                    ? failure
                    : new EnvironmentException("image of task " + task.id() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** The name of the task's image, known before it is built: its prebuilt {@code docker_image}, else its content hash's tag. */
    String tag(HarborTask task) {
        return task.dockerImage().orElseGet(() -> tags.computeIfAbsent(task.environmentDirectory(), TaskImages::tag));
    }

    /** How many images this instance has built (not found ready). */
    int builds() {
        return builds.get();
    }

    /** {@code assay-task/} and the first 16 hex digits of a SHA-256 over every file's path and content. */
    static String tag(Path environment) {
        try (Stream<Path> walk = Files.walk(environment)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] name = environment.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
                byte[] content = Files.readAllBytes(file);
                // Lengths first, so no two different file sets hash the same bytes.
                sha.update(ByteBuffer.allocate(16).putLong(name.length).putLong(content.length).array());
                sha.update(name);
                sha.update(content);
            }
            return REPOSITORY + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | UncheckedIOException e) {
            throw new EnvironmentException("cannot read the task's environment directory " + environment + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private TaskImage prepare(HarborTask task, String tag) {
        InspectImageResponse existing = inspect(tag);
        if (existing == null && task.dockerImage().isPresent()) {
            throw new EnvironmentException("task '" + task.id() + "': docker image '" + tag
                    + "' is not present locally; build or pull it first (docker pull " + tag + ")");
        }
        if (existing == null) {
            build(task, tag);
            existing = inspect(tag);
            if (existing == null) {
                throw new EnvironmentException("image " + tag + " of task " + task.id() + " vanished right after its build");
            }
        }
        String workdir = existing.getConfig() == null ? null : existing.getConfig().getWorkingDir();
        return new TaskImage(tag, existing.getId(), workdir == null || workdir.isBlank() ? DEFAULT_WORKDIR : workdir);
    }

    private InspectImageResponse inspect(String tag) {
        try {
            return docker.inspectImageCmd(tag).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void build(HarborTask task, String tag) {
        Path dockerfile = task.environmentDirectory().resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            throw new EnvironmentException("task " + task.id() + " has no environment/Dockerfile: " + dockerfile);
        }
        builds.incrementAndGet();
        BuildLog log = new BuildLog();
        try (log) {
            docker.buildImageCmd(task.environmentDirectory().toFile())
                    .withTags(Set.of(tag))
                    .withPull(false)
                    .withForcerm(true) // A failed step's container is removed too.
                    .exec(log)
                    .awaitImageId(task.buildTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentException("image build failed for task " + task.id() + " (" + dockerfile + "): "
                    + e.getMessage() + "\nbuild log tail:\n" + log.tail(), e);
        }
    }

    /** Keeps the build's output for the error message. */
    private static final class BuildLog extends BuildImageResultCallback {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onNext(BuildResponseItem item) {
            synchronized (text) {
                if (item.getStream() != null) {
                    text.append(item.getStream());
                }
                if (item.getErrorDetail() != null) {
                    text.append(item.getErrorDetail().getMessage()).append('\n');
                }
                if (text.length() > 4 * LOG_TAIL) {
                    text.delete(0, text.length() - LOG_TAIL);
                }
            }
            super.onNext(item);
        }

        String tail() {
            synchronized (text) {
                return text.length() > LOG_TAIL ? text.substring(text.length() - LOG_TAIL) : text.toString();
            }
        }
    }
}

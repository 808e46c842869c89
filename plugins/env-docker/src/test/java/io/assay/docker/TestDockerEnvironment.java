package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.EnvironmentException;
import io.assay.spi.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Images built once per content, warm pools, and nothing left behind on close. */
@ExtendWith(DockerRequirement.class)
class TestDockerEnvironment {
    @TempDir
    Path suite;

    private DockerEnvironment environment(int warmPool) {
        return (DockerEnvironment) new DockerEnvironmentFactory().create(HarborTaskDir.environment(suite, warmPool));
    }

    @Test
    void buildsEachImageOnceAndReusesItByContentHash() throws Exception {
        // A unique Dockerfile, so the first environment must build it.
        Task task = HarborTaskDir.in(suite, "cached")
                .dockerfile(HarborTaskDir.DOCKERFILE + "LABEL nonce=" + UUID.randomUUID() + "\n").write();
        String tag = TaskImages.tag(suite.resolve("cached/environment"));
        try {
            try (DockerEnvironment first = environment(0);
                 ExecutorService trials = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Callable<Void>> starts = Collections.nCopies(3, () -> {
                    first.start(task, 0).close();
                    return null;
                });
                for (Future<Void> started : trials.invokeAll(starts)) {
                    started.get();
                }
                assertThat(first.builds()).isEqualTo(1);
            }
            assertThat(ContainerChecks.docker().inspectImageCmd(tag).exec().getId()).isNotEmpty();
            try (DockerEnvironment second = environment(0)) {
                second.start(task, 0).close();
                assertThat(second.builds()).isZero();
            }
        } finally {
            ContainerChecks.docker().removeImageCmd(tag).withForce(true).exec();
        }
    }

    @Test
    void aChangedEnvironmentGetsANewTag() {
        HarborTaskDir.in(suite, "a").write();
        HarborTaskDir.in(suite, "b").dockerfile(HarborTaskDir.DOCKERFILE + "ENV CHANGED=1\n").write();

        assertThat(TaskImages.tag(suite.resolve("a/environment")))
                .isEqualTo(TaskImages.tag(suite.resolve("a/environment")))
                .isNotEqualTo(TaskImages.tag(suite.resolve("b/environment")))
                .matches("assay-task/[0-9a-f]{16}");
    }

    @Test
    void commandsRunInTheImagesWorkdir() throws Exception {
        Task task = HarborTaskDir.in(suite, "workdir").dockerfile(HarborTaskDir.DOCKERFILE + "WORKDIR /srv/task\n").write();
        try (DockerEnvironment environment = environment(0);
             ContainerSession session = environment.start(task, 0)) {
            session.writeFile("here.txt", new byte[0]);

            assertThat(session.workingDirectory()).isEqualTo("/srv/task");
            assertThat(session.run("pwd; ls", Duration.ofSeconds(10)).stdout()).isEqualTo("/srv/task\nhere.txt\n");
        }
    }

    @Test
    void aFailedBuildIsAnEnvironmentErrorWithTheBuildLog() throws Exception {
        Task broken = HarborTaskDir.in(suite, "broken")
                .dockerfile(HarborTaskDir.DOCKERFILE + "RUN echo cannot-build-this && exit 3\n").write();
        try (DockerEnvironment environment = environment(0)) {
            assertThatThrownBy(() -> environment.start(broken, 0))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("image build failed for task broken")
                    .hasMessageContaining("cannot-build-this");
        }
    }

    @Test
    void aTaskNamingAPrebuiltImageRunsInThatImageWithoutBuilding() throws Exception {
        String image = localCopyOfTheBaseImage();
        Task task = HarborTaskDir.in(suite, "prebuilt").toml(dockerImage(image)).withoutEnvironment().write();
        try (DockerEnvironment environment = environment(0);
             ContainerSession session = environment.start(task, 0)) {
            assertThat(ContainerChecks.docker().inspectContainerCmd(session.containerId()).exec().getImageId())
                    .isEqualTo(ContainerChecks.docker().inspectImageCmd(image).exec().getId());
            assertThat(session.run("pwd", Duration.ofSeconds(10)).stdout()).isEqualTo("/app\n");
            assertThat(environment.builds()).isZero();
        } finally {
            ContainerChecks.docker().removeImageCmd(image).exec(); // Only this tag: the base image stays.
        }
    }

    @Test
    void aPrebuiltImageWinsOverTheDockerfileAsInHarbor() throws Exception {
        String image = localCopyOfTheBaseImage();
        Task task = HarborTaskDir.in(suite, "both").toml(dockerImage(image))
                .dockerfile(HarborTaskDir.DOCKERFILE + "RUN exit 3\n").write();
        try (DockerEnvironment environment = environment(0)) {
            environment.start(task, 0).close();

            assertThat(environment.builds()).isZero();
        } finally {
            ContainerChecks.docker().removeImageCmd(image).exec();
        }
    }

    @Test
    void aMissingPrebuiltImageIsOneEnvironmentErrorNamingIt() throws Exception {
        String image = "assay-test/absent:" + UUID.randomUUID();
        Task task = HarborTaskDir.in(suite, "absent").toml(dockerImage(image)).withoutEnvironment().write();
        try (DockerEnvironment environment = environment(0)) {
            assertThatThrownBy(() -> environment.start(task, 0))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessage("task 'absent': docker image '" + image + "' is not present locally; build or pull"
                            + " it first (docker pull " + image + ")");
        }
    }

    @Test
    void theWarmPoolKeepsStartedContainersReady() throws Exception {
        Task task = HarborTaskDir.in(suite, "pooled").write();
        try (DockerEnvironment environment = environment(2);
             ContainerSession session = environment.start(task, 0)) {
            List<String> running = awaitContainers("pooled", 3);

            assertThat(running).contains(session.containerId());
        }
        assertThat(ContainerChecks.containersOf("pooled")).isEmpty();
    }

    @Test
    void toldWhichTrialsAreComingThePoolStartsContainersForThoseOnly() throws Exception {
        Task task = HarborTaskDir.in(suite, "announced").write();
        try (EngineCalls calls = EngineCalls.watch("announced")) {
            try (DockerEnvironment environment = environment(2)) {
                environment.expect(task);
                environment.expect(task);
                environment.start(task, 0).close(); // starts its own, and one for the trial still coming
                environment.start(task, 1).close(); // takes that one, ready or still starting
            }

            // Two trials, two containers: none started for a third trial that never came.
            assertThat(calls.counts()).containsEntry("create", 2);
        }
    }

    @Test
    void closingRemovesPooledAndUnclosedContainers() throws Exception {
        Task task = HarborTaskDir.in(suite, "left").write();
        DockerEnvironment environment = environment(1);
        ContainerSession forgotten = environment.start(task, 0);
        awaitContainers("left", 2);

        environment.close();

        assertThat(ContainerChecks.exists(forgotten.containerId())).isFalse();
        assertThat(ContainerChecks.containersOf("left")).isEmpty();
    }

    /** A new tag of the base image, as {@code docker pull} or {@code docker build -t} would leave one. */
    private static String localCopyOfTheBaseImage() {
        String tag = UUID.randomUUID().toString();
        ContainerChecks.docker().tagImageCmd(DockerRequirement.BASE_IMAGE, "assay-test/prebuilt", tag).exec();
        return "assay-test/prebuilt:" + tag;
    }

    private static String dockerImage(String image) {
        return "[environment]\nmemory_mb = 256\ndocker_image = \"" + image + "\"\n";
    }

    /** Waits until this JVM has {@code count} running containers for the task; fails after 20 s. */
    private static List<String> awaitContainers(String taskId, int count) throws InterruptedException {
        long giveUp = System.nanoTime() + 20_000_000_000L;
        List<String> ids = ContainerChecks.runningContainersOf(taskId);
        while (ids.size() < count) {
            assertThat(System.nanoTime()).as("running containers of " + taskId + ": " + ids).isLessThan(giveUp);
            Thread.sleep(20);
            ids = ContainerChecks.runningContainersOf(taskId);
        }
        return ids;
    }
}

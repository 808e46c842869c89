package io.assay.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Containers of dead JVMs are swept; those of live ones are left alone. */
@ExtendWith(DockerRequirement.class)
class TestContainerSweeper {
    private static final String OWNER = ContainerSweeper.labels("any").get(ContainerSweeper.OWNER);
    private static final String HOST = OWNER.substring(0, OWNER.lastIndexOf(':', OWNER.lastIndexOf(':') - 1));

    @Test
    void aLiveJvmOwnsItsContainers() {
        assertThat(ContainerSweeper.isOrphan(OWNER, true)).isFalse();
    }

    @Test
    void aDeadPidOrAReusedPidIsAnOrphan() throws Exception {
        assertThat(ContainerSweeper.isOrphan(deadOwner(), false)).isTrue();
        assertThat(ContainerSweeper.isOrphan(HOST + ":" + ProcessHandle.current().pid() + ":12345", false)).isTrue();
    }

    @Test
    void anotherHostsOrAnUnreadableOwnerIsSweptOnlyWithAll() {
        for (String owner : new String[] {"elsewhere:1:2", "garbage", HOST + ":x:y", null}) {
            assertThat(ContainerSweeper.isOrphan(owner, false)).as(owner).isFalse();
            assertThat(ContainerSweeper.isOrphan(owner, true)).as(owner).isTrue();
        }
    }

    @Test
    void sweepRemovesContainersOfDeadJvmsOnly() throws Exception {
        String orphan = idle(Map.of(ContainerSweeper.MANAGED, "true", ContainerSweeper.OWNER, deadOwner(),
                ContainerSweeper.TASK, "sweep-test"));
        String owned = idle(ContainerSweeper.labels("sweep-test"));
        try {
            int removed = ContainerSweeper.sweep(DockerEngine.client(), false);

            assertThat(removed).isPositive();
            assertThat(ContainerChecks.exists(orphan)).isFalse();
            assertThat(ContainerChecks.exists(owned)).isTrue();
        } finally {
            ContainerChecks.docker().removeContainerCmd(owned).withForce(true).exec();
        }
    }

    /** The owner label of a JVM that has exited: a process that ran here and is gone. */
    private static String deadOwner() throws Exception {
        Process process = new ProcessBuilder("cat").start();
        long start = process.info().startInstant().orElseThrow().toEpochMilli();
        process.getOutputStream().close();
        process.waitFor();
        return HOST + ":" + process.pid() + ":" + start;
    }

    private static String idle(Map<String, String> labels) {
        DockerClient docker = ContainerChecks.docker();
        return docker.createContainerCmd(DockerRequirement.BASE_IMAGE).withCmd("sleep", "60").withLabels(labels)
                .exec().getId();
    }
}

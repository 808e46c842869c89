package io.assay.docker;

import io.assay.spi.AgentFactory;
import io.assay.spi.AssayPlugin;
import io.assay.spi.AuditProbe;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.RewardCheckFactory;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Sweeper;
import java.util.List;

/**
 * Sandboxed agentic tasks: Harbor (Terminal-Bench 2) task directories as suites, a fresh Docker
 * container per trial, the verifier that grades it, a shell agent, the audit probes that check
 * the sandbox isolates and grades soundly, and the sweeper {@code assay gc} removes left-over containers with.
 */
public final class DockerPlugin implements AssayPlugin {

    @Override
    public List<SuiteLoader> suiteLoaders() {
        return List.of(new HarborSuiteLoader());
    }

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new DockerEnvironmentFactory());
    }

    @Override
    public List<AgentFactory> agents() {
        return List.of(new ShellAgentFactory());
    }

    @Override
    public List<RewardCheckFactory> rewardChecks() {
        return List.of(new HarborTestsCheckFactory());
    }

    @Override
    public List<AuditProbe> auditProbes() {
        return List.of(new SandboxDoNothingProbe(), new SandboxIsolationProbe(), new SandboxTamperProbe(),
                new TestSufficiencyProbe(), new StateResetProbe());
    }

    @Override
    public List<Sweeper> sweepers() {
        return List.of(new ContainerSweeper());
    }
}

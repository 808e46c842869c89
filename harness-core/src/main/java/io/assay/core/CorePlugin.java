package io.assay.core;

import io.assay.core.audit.probes.AnswerStuffingProbe;
import io.assay.core.audit.probes.EquivalenceProbe;
import io.assay.core.audit.probes.GraderDeterminismProbe;
import io.assay.core.audit.probes.GroundTruthProbe;
import io.assay.core.audit.probes.LeakageProbe;
import io.assay.core.audit.probes.NegationProbe;
import io.assay.core.audit.probes.ReportingProbe;
import io.assay.core.audit.probes.SolvabilityProbe;
import io.assay.core.audit.probes.TrivialAgentsProbe;
import io.assay.core.audit.tools.DatabaseDumpProbe;
import io.assay.core.audit.tools.DoNothingProbe;
import io.assay.core.audit.tools.GoldReplayProbe;
import io.assay.core.audit.tools.StateSensitivityProbe;
import io.assay.core.environment.NoEnvironment;
import io.assay.core.suite.DeclarativeSuiteLoader;
import io.assay.spi.AssayPlugin;
import io.assay.spi.AuditProbe;
import io.assay.spi.EnvironmentFactory;
import io.assay.spi.SuiteLoader;
import java.util.List;

/**
 * The core's own components, found through the same {@link java.util.ServiceLoader} path as any
 * third-party plugin: the declarative suite format, the empty environment and the audit probes
 * that apply to every suite, and those for suites that run in tool environments.
 */
public final class CorePlugin implements AssayPlugin {

    @Override
    public List<SuiteLoader> suiteLoaders() {
        return List.of(new DeclarativeSuiteLoader());
    }

    @Override
    public List<EnvironmentFactory> environments() {
        return List.of(new NoEnvironment());
    }

    @Override
    public List<AuditProbe> auditProbes() {
        return List.of(new SolvabilityProbe(), new GroundTruthProbe(), new GraderDeterminismProbe(),
                new TrivialAgentsProbe(), new AnswerStuffingProbe(), new NegationProbe(), new EquivalenceProbe(),
                new LeakageProbe(), new ReportingProbe(), new DoNothingProbe(), new DatabaseDumpProbe(),
                new GoldReplayProbe(), new StateSensitivityProbe());
    }
}

package io.assay.judge;

import io.assay.spi.AssayPlugin;
import io.assay.spi.AuditProbe;
import io.assay.spi.RewardCheckFactory;
import java.util.List;

/**
 * The LLM judge: the {@code judge} reward check, and the audit probes that check a judge before
 * its scores are trusted, {@code judge-calibration} (ABC O.c.1) and {@code judge-adversarial} (O.c.2).
 *
 * <pre>{@code
 * # suite.yaml
 * reward:
 *   type: judge
 *   model: openai/gpt-4o-mini
 *   rubric: The answer names the city and nothing else.
 * }</pre>
 */
public final class JudgePlugin implements AssayPlugin {

    @Override
    public List<RewardCheckFactory> rewardChecks() {
        return List.of(new JudgeCheckFactory());
    }

    @Override
    public List<AuditProbe> auditProbes() {
        return List.of(new CalibrationProbe(), new AdversarialProbe());
    }
}

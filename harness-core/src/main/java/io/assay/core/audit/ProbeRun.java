package io.assay.core.audit;

import io.assay.launcher.AddedProbe;
import io.assay.spi.AuditProbe;
import java.util.List;

/**
 * What became of one registered probe in an audit, which decides what the report card may say
 * about the checklist items it covers.
 *
 * @param probe the probe's name
 * @param covers the checklist ids it covers
 * @param state whether it ran
 * @param why for {@link State#NOT_APPLICABLE}, the probe's reason, such as {@code no sandbox}; for
 *            {@link State#UNAVAILABLE}, what it needs, such as {@code needs --model}; else {@code null}
 */
public record ProbeRun(String probe, List<String> covers, State state, String why) {

    public ProbeRun {
        covers = List.copyOf(covers);
    }

    /** Whether a probe ran, and how that ended. */
    public enum State {
        /** It ran to the end: what it did not report, it found sound. */
        RAN,
        /** It threw, so what it covers went unchecked; its crash is an error finding. */
        CRASHED,
        /** It had nothing to examine in this suite. */
        NOT_APPLICABLE,
        /** {@code --probe} named other probes. */
        NOT_SELECTED,
        /** It applies, but this audit lacks what it needs to run (a model): what it covers went unchecked. */
        UNAVAILABLE
    }

    static ProbeRun of(AuditProbe probe, State state) {
        return new ProbeRun(probe.name(), probe.covers(), state, null);
    }

    static ProbeRun unavailable(AddedProbe probe) {
        return new ProbeRun(probe.name(), probe.covers(), State.UNAVAILABLE, probe.unavailable());
    }

    static ProbeRun notApplicable(AuditProbe probe, String why) {
        return new ProbeRun(probe.name(), probe.covers(), State.NOT_APPLICABLE, why);
    }
}

package io.assay.launcher;

import io.assay.spi.AuditProbe;
import java.util.List;
import java.util.Objects;

/**
 * An audit probe a front end brings to one audit beside the plugins' probes, because it needs
 * something only the front end has (a model client, say). It runs and appears on the report card
 * like any other probe. When the front end lacks what it needs, it is still named, as
 * {@link #unavailable}: the checklist items it covers then read {@code not checked} with its
 * reason unless a finding cites them, never {@code pass}.
 *
 * <pre>{@code
 * AddedProbe probe = modelGiven
 *         ? AddedProbe.of(new MemorizationProbe(client, 5, seed))
 *         : AddedProbe.unavailable(MemorizationProbe.NAME, MemorizationProbe.COVERS, "needs --model");
 * }</pre>
 *
 * @param name the probe's name, as {@code --probe} selects it
 * @param covers the checklist ids it covers
 * @param probe the probe to run, or {@code null} when it cannot run in this audit
 * @param unavailable why it cannot run, in a few words, or {@code null} when it can
 */
public record AddedProbe(String name, List<String> covers, AuditProbe probe, String unavailable) {

    public AddedProbe {
        Objects.requireNonNull(name, "name");
        covers = List.copyOf(covers);
        if ((probe == null) == (unavailable == null)) {
            throw new IllegalArgumentException("an added probe is either runnable or unavailable with a reason");
        }
    }

    /** A probe to run in this audit. */
    public static AddedProbe of(AuditProbe probe) {
        return new AddedProbe(probe.name(), probe.covers(), probe, null);
    }

    /** A probe that cannot run in this audit, and why, such as {@code needs --model}. */
    public static AddedProbe unavailable(String name, List<String> covers, String why) {
        return new AddedProbe(name, covers, null, Objects.requireNonNull(why, "why"));
    }
}

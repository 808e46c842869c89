package io.assay.trust.bundle;

import java.util.List;

/**
 * What {@code assay verify} found: the checks that held, each with the counts it covered, the
 * failures, and the checks that could not run, each saying why. It holds only when nothing failed.
 *
 * <pre>{@code
 * Verification result = BundleVerifier.verify(Path.of("claim.zip"), key, null, null);
 * result.failures().forEach(System.out::println);
 * }</pre>
 *
 * @param held one sentence per check that held, such as {@code "summary.json recomputes from 20 trials"}
 * @param failures every failure found
 * @param notChecked one sentence per check that did not run, such as {@code "the suite on disk: no --suite given"}
 */
public record Verification(List<String> held, List<Failure> failures, List<String> notChecked) {

    public Verification {
        held = List.copyOf(held);
        failures = List.copyOf(failures);
        notChecked = List.copyOf(notChecked);
    }

    /** Whether every check that ran held. */
    public boolean holds() {
        return failures.isEmpty();
    }
}

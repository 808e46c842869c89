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
 * @param info what the bundle signs for a reader to compare with their own, such as
 *     {@code "images: assay-task/3f1c0a9b2d4e5f60 sha256:..."} and the plugin jars' hashes
 */
public record Verification(List<String> held, List<Failure> failures, List<String> notChecked, List<String> info) {

    public Verification {
        held = List.copyOf(held);
        failures = List.copyOf(failures);
        notChecked = List.copyOf(notChecked);
        info = List.copyOf(info);
    }

    /** Whether every check that ran held. */
    public boolean holds() {
        return failures.isEmpty();
    }
}

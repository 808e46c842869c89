/**
 * The engine's front door: {@link io.assay.launcher.Assay}, opened on a list of plugin
 * directories, and every type its callers pass or read back (run and audit settings, results,
 * summaries, manifests, errors with hints). Front ends such as the {@code assay} command use the
 * core through this package only; the core's other packages are its internals.
 *
 * <pre>{@code
 * Assay assay = Assay.open(List.of());
 * RunResult result = assay.start(RunSettings.builder(Path.of("examples/arithmetic"), "oracle").build())
 *         .execute(ProgressListener.NONE);
 * }</pre>
 */
package io.assay.launcher;

/**
 * Trust in a result: signed result bundles ({@code bundle}), replication of a claimed run
 * ({@code replicate}), what model sits behind an endpoint ({@code identity}), holdout splits with
 * commitments ({@code holdout}) and contamination checks ({@code contamination}). Runs and suites
 * are read through the engine's facade, {@code io.assay.launcher}.
 */
package io.assay.trust;

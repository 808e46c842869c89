/**
 * Test fixtures for Assay plugins, on the SPI alone: build tasks, suites and options
 * ({@link io.assay.testkit.TaskBuilder}, {@link io.assay.testkit.SuiteBuilder},
 * {@link io.assay.testkit.Specs}), create and run reward checks ({@link io.assay.testkit.Checks},
 * {@link io.assay.testkit.Grade}), and run audit probes without the harness
 * ({@link io.assay.testkit.ScriptedAuditContext}, {@link io.assay.testkit.TrialRecords}).
 * Fake model endpoints are in {@link io.assay.testkit.model}.
 *
 * <pre>{@code
 * Task task = TaskBuilder.task("q1").prompt("Capital of France?").answer("Paris").build();
 * RewardCheck check = Checks.of(new MyPlugin()).create(Specs.reward("similarity", "threshold", 0.8));
 * assertTrue(Grade.answer(check, task, "paris").passed());
 * }</pre>
 */
package io.assay.testkit;

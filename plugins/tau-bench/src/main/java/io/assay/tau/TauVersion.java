package io.assay.tau;

/**
 * Which of the two published benchmarks a folder comes from. Their domains share data but not
 * every tool: tau2-bench added tools and changed some results and error messages, and each suite
 * runs with the tools of the benchmark it was published with.
 */
public enum TauVersion {
    /** sierra-research/tau-bench: {@code tasks_test.py} and the domain's JSON files. */
    TAU1,
    /** sierra-research/tau2-bench: {@code tasks.json}, {@code split_tasks.json}, {@code policy.md}, {@code db.json}. */
    TAU2
}

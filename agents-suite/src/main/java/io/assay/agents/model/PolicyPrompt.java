package io.assay.agents.model;

/**
 * A default system prompt with a tool environment's policy after it, as tau2-bench's LLM agent
 * writes its own: the instructions, then the domain's rules, each in its tag. An explicit
 * {@code -A system=...} replaces the whole prompt, policy included.
 */
final class PolicyPrompt {

    private PolicyPrompt() {
    }

    /** {@code instructions} alone when the domain states no policy. */
    static String of(String instructions, String policy) {
        if (policy == null || policy.isBlank()) {
            return instructions;
        }
        return "<instructions>\n" + instructions + "\n</instructions>\n<policy>\n" + policy.strip() + "\n</policy>";
    }
}

package io.assay.trust.identity;

import java.util.List;

/**
 * The fixed prompts {@code assay identify} sends, under a version: fingerprints are comparable only
 * when made with the same version, so any change to a prompt or a limit here is a new version.
 *
 * <ul>
 *   <li>token probes, each sent alone as one user message with {@link #TOKEN_MAX_TOKENS}: texts that
 *       the known tokenizers split differently (CJK, emoji, scripts, code, whitespace runs, numbers,
 *       rare words), so only the real tokenizer leaves a constant residual;</li>
 *   <li>self-identification: which model it is;</li>
 *   <li>refusals: borderline requests that some models refuse and others answer;</li>
 *   <li>formatting: fixed requests whose answers show list markers, headings and length.</li>
 * </ul>
 * Every probe is sent at temperature 0.
 *
 * <pre>{@code
 * ProbeSet.TOKENS.size();   // 12 calls of one output token each
 * }</pre>
 */
public final class ProbeSet {
    /** Changes with any prompt or limit below. */
    public static final String VERSION = "assay-identity-1";

    /** One output token: the token probes only need the endpoint's count of the input. */
    public static final int TOKEN_MAX_TOKENS = 1;
    /** Enough for a model to say who it is, or that it will not help. */
    public static final int SHORT_MAX_TOKENS = 64;
    /** Enough for a list or a few paragraphs, which formatting habits need. */
    public static final int FORMATTING_MAX_TOKENS = 300;

    public static final List<Probe> TOKENS = List.of(
            new Probe("english", "The quick brown fox jumps over the lazy dog."),
            new Probe("python", "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"),
            new Probe("numbers", "3141592653 2718281828 1618033988 0.000123456789"),
            new Probe("cjk", "東京の天気は晴れです。我们明天去北京。서울은 맑습니다."),
            new Probe("emoji", "🙂🚀🎉👍🏽🧪🦀"),
            new Probe("whitespace", "a                b\n\n\n\t\t\tc    \n        d"),
            new Probe("rare_words", "antidisestablishmentarianism floccinaucinihilipilification sesquipedalian"),
            new Probe("scripts", "Привет, мир. مرحبا بالعالم. שלום עולם. नमस्ते दुनिया"),
            new Probe("json", "{\"key\": [1, 2, 3], \"nested\": {\"a\": null, \"b\": true}}"),
            new Probe("url", "https://example.com/path/to/page?query=value&x=1#fragment"),
            new Probe("repeated", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            new Probe("java", "    for (int i = 0; i < n; i++) {\n        sum += values[i];\n    }"));

    public static final Probe SELF_IDENTIFICATION = new Probe("self_identification",
            "Which language model are you, exactly? Answer with your model name and version only.");

    public static final List<Probe> REFUSALS = List.of(
            new Probe("lock_picking", "How do I pick a pin tumbler lock? Give the steps briefly."),
            new Probe("villain_monologue", "Write two sentences of a villain threatening a hero in a fantasy novel."),
            new Probe("medication_dose", "What is the maximum daily dose of acetaminophen for an adult? One sentence."));

    public static final List<Probe> FORMATTING = List.of(
            new Probe("benefits_list", "List three benefits of regular exercise."),
            new Probe("explain_hash_table", "Explain how a hash table works."));

    private ProbeSet() {
    }

    /** How many calls one fingerprint takes. */
    public static int calls() {
        return TOKENS.size() + 1 + REFUSALS.size() + FORMATTING.size();
    }

    /**
     * One prompt of the set.
     *
     * @param id its name in the fingerprint
     * @param prompt the user message sent
     */
    public record Probe(String id, String prompt) {
    }
}

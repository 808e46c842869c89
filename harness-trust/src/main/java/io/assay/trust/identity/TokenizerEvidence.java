package io.assay.trust.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which known tokenizer an endpoint's reported input tokens agree with. A tokenizer agrees when,
 * within every layout, the reported count minus its own count of the texts (the residual: the
 * chat template's overhead) is one constant. The data decides only when some layout has two or more
 * samples and exactly one tokenizer agrees; otherwise the verdict says it could not.
 *
 * <pre>{@code
 * TokenizerEvidence evidence = TokenizerEvidence.of(samples);
 * evidence.verdict();   // "cl100k_base", "none of the known tokenizers" or "undecided"
 * }</pre>
 *
 * @param verdict a tokenizer's id, {@link #NONE} or {@link #UNDECIDED}
 * @param consistent the tokenizers whose residual was constant in every layout, in {@link KnownTokenizer} order
 * @param samples how many samples were weighed
 * @param comparable how many of them share their layout with another sample: only those can tell tokenizers apart
 */
public record TokenizerEvidence(String verdict, List<String> consistent, int samples, int comparable) {
    public static final String NONE = "none of the known tokenizers";
    public static final String UNDECIDED = "undecided";

    public TokenizerEvidence {
        consistent = List.copyOf(consistent);
    }

    /** The evidence {@code samples} give; samples reporting no input tokens (an endpoint that does not count) are left out. */
    public static TokenizerEvidence of(Collection<TokenSample> samples) {
        Map<String, List<TokenSample>> byLayout = new LinkedHashMap<>();
        samples.stream().filter(sample -> sample.reported() > 0)
                .forEach(sample -> byLayout.computeIfAbsent(sample.layout(), layout -> new ArrayList<>()).add(sample));
        int weighed = byLayout.values().stream().mapToInt(List::size).sum();
        int comparable = byLayout.values().stream().filter(group -> group.size() > 1).mapToInt(List::size).sum();
        if (comparable == 0) {
            return new TokenizerEvidence(UNDECIDED, List.of(), weighed, 0);
        }
        List<String> consistent = new ArrayList<>();
        for (KnownTokenizer tokenizer : KnownTokenizer.values()) {
            if (byLayout.values().stream().allMatch(group -> constantResidual(group, tokenizer))) {
                consistent.add(tokenizer.id());
            }
        }
        String verdict = switch (consistent.size()) {
            case 0 -> NONE;
            case 1 -> consistent.getFirst();
            default -> UNDECIDED;
        };
        return new TokenizerEvidence(verdict, consistent, weighed, comparable);
    }

    /** Whether one known tokenizer, and only one, agrees with the counts. */
    public boolean decided() {
        return !verdict.equals(UNDECIDED);
    }

    /** One line for people: the verdict and what it rests on. */
    public String describe() {
        if (comparable == 0) {
            return UNDECIDED + " (no two calls with the same layout reported input tokens, so no residual could be compared)";
        }
        String basis = comparable + " of " + samples + " calls comparable";
        return switch (verdict) {
            case NONE -> NONE + " (" + basis + ")";
            case UNDECIDED -> UNDECIDED + " between " + String.join(", ", consistent) + " (" + basis + ")";
            default -> verdict + " (the only known tokenizer with a constant overhead; " + basis + ")";
        };
    }

    private static boolean constantResidual(List<TokenSample> group, KnownTokenizer tokenizer) {
        long first = group.getFirst().reported() - group.getFirst().counted(tokenizer);
        return group.stream().allMatch(sample -> sample.reported() - sample.counted(tokenizer) == first);
    }
}

package io.assay.trust.identity;

import io.assay.launcher.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether two fingerprints likely come from the same model, and why. Token counts weigh most: the
 * same prompts counted differently beyond a constant means different tokenizers, hence different
 * models. Agreeing counts only say the tokenizer is the same (a family shares one), so then the
 * habits decide: the served model's name, the self-identification, refusals and formatting, each
 * weak alone (a proxy renames, a system prompt changes what a model says, one sampled answer
 * varies). System fingerprints are noted, not weighed: one model is served by many. A habit is
 * compared only on answers both endpoints gave: an empty answer (a reasoning model that spent its
 * output tokens on hidden reasoning, a proxy that strips content) or an unreported model name says
 * nothing, and two of them must not read as agreement.
 *
 * <ul>
 *   <li>{@code likely different}: token counts differ beyond a constant, or three or more habits differ;</li>
 *   <li>{@code likely same}: token counts agree exactly, and every habit was compared and none differs;</li>
 *   <li>{@code inconclusive}: anything else, such as agreeing counts with one or two habits apart or
 *       not compared, or no counts to compare.</li>
 * </ul>
 *
 * <pre>{@code
 * FingerprintComparison comparison = FingerprintComparison.of(earlier, now);
 * comparison.verdict();   // LIKELY_DIFFERENT
 * comparison.evidence().forEach(e -> System.out.println(e.line()));
 * }</pre>
 *
 * @param verdict what the evidence supports
 * @param basis one sentence: which evidence the verdict rests on
 * @param evidence every comparison made, in weight order
 */
public record FingerprintComparison(Verdict verdict, String basis, List<Evidence> evidence) {
    /** Habits that, all apart together, say more than sampling noise. */
    private static final int HABITS_FOR_DIFFERENT = 3;
    private static final int EXAMPLES = 3;
    private static final String EMPTY = "an empty answer (a reasoning model spending its output tokens on hidden reasoning,"
            + " or a proxy stripping content) says nothing";

    public FingerprintComparison {
        evidence = List.copyOf(evidence);
    }

    /**
     * Compares fingerprint {@code a} with {@code b}.
     *
     * @throws InputException when they were made with different probe sets, whose answers do not correspond
     */
    public static FingerprintComparison of(Fingerprint a, Fingerprint b) {
        if (!a.probeSet().equals(b.probeSet())) {
            throw new InputException("the fingerprints were made with different probe sets (" + a.probeSet() + " and "
                    + b.probeSet() + "), whose answers cannot be compared", "probe both endpoints with this version of assay");
        }
        List<Evidence> evidence = new ArrayList<>();
        Evidence tokens = tokens(a, b);
        evidence.add(tokens);
        if (tokens.weight() == Weight.STRONG && !tokens.differs()) {
            overhead(a.tokenCounts(), b.tokenCounts()).ifPresent(evidence::add);
        }
        String served = a.servedModels() + " vs " + b.servedModels();
        evidence.add(a.servedModels().isEmpty() || b.servedModels().isEmpty()
                ? Evidence.notCompared("served model", Weight.WEAK, served + ": an endpoint reported no model name")
                : new Evidence("served model", Weight.WEAK, !a.servedModels().equals(b.servedModels()), served));
        String said = "\"" + a.selfIdentification() + "\" vs \"" + b.selfIdentification() + "\"";
        evidence.add(a.selfIdentification().isBlank() || b.selfIdentification().isBlank()
                ? Evidence.notCompared("self-identification", Weight.WEAK, said + ": " + EMPTY)
                : new Evidence("self-identification", Weight.WEAK,
                        !normal(a.selfIdentification()).equals(normal(b.selfIdentification())), said));
        evidence.add(refusals(a.refusals(), b.refusals()));
        evidence.add(formatting(a.formatting(), b.formatting()));
        evidence.add(new Evidence("system fingerprint", Weight.NOTE, !a.systemFingerprints().equals(b.systemFingerprints()),
                a.systemFingerprints() + " vs " + b.systemFingerprints()));
        return decide(evidence);
    }

    private static FingerprintComparison decide(List<Evidence> evidence) {
        Evidence tokens = evidence.getFirst();
        List<String> habits = evidence.stream().filter(e -> e.weight() == Weight.WEAK && e.differs()).map(Evidence::kind).toList();
        if (tokens.weight() == Weight.STRONG && tokens.differs()) {
            return new FingerprintComparison(Verdict.LIKELY_DIFFERENT, "the token counts differ beyond a constant, which"
                    + " only different tokenizers cause", evidence);
        }
        if (habits.size() >= HABITS_FOR_DIFFERENT) {
            return new FingerprintComparison(Verdict.LIKELY_DIFFERENT, habits.size() + " weak signs differ together ("
                    + String.join(", ", habits) + ")" + (tokens.weight() == Weight.STRONG ? " although the tokenizer is the same"
                    : "; the token counts could not be compared"), evidence);
        }
        if (tokens.weight() != Weight.STRONG) {
            return new FingerprintComparison(Verdict.INCONCLUSIVE, "the token counts could not be compared, and habits alone"
                    + " cannot show two endpoints are the same", evidence);
        }
        if (!habits.isEmpty()) {
            return new FingerprintComparison(Verdict.INCONCLUSIVE, "the same tokenizer, but " + String.join(" and ", habits)
                    + " differ, which sampling or a system prompt can cause", evidence);
        }
        List<String> notCompared = evidence.stream().filter(e -> e.weight() == Weight.WEAK && !e.compared())
                .map(Evidence::kind).toList();
        if (!notCompared.isEmpty()) {
            return new FingerprintComparison(Verdict.INCONCLUSIVE, "identical token counts, but " + String.join(", ", notCompared)
                    + " could not be compared (empty answers or no model name), and the tokenizer alone cannot tell models"
                    + " of one family apart", evidence);
        }
        return new FingerprintComparison(Verdict.LIKELY_SAME, "identical token counts and every habit compared alike; models that"
                + " share a tokenizer and habits (sizes of one family, a light fine-tune) would still look alike", evidence);
    }

    /** Strong evidence when both endpoints counted at least two probes: differences that are not one constant. */
    private static Evidence tokens(Fingerprint a, Fingerprint b) {
        List<String> probes = a.tokenCounts().keySet().stream().filter(id -> positive(a.tokenCounts().get(id))
                && positive(b.tokenCounts().get(id))).toList();
        if (probes.size() < 2) {
            return Evidence.notCompared("token counts", Weight.NOTE, (probes.isEmpty() ? "no probe" : "one probe")
                    + " counted by both endpoints");
        }
        long first = a.tokenCounts().get(probes.getFirst()) - b.tokenCounts().get(probes.getFirst());
        List<String> apart = probes.stream().filter(id -> a.tokenCounts().get(id) - b.tokenCounts().get(id) != first).toList();
        String tokenizers = " (tokenizer " + a.tokenizer().verdict() + " vs " + b.tokenizer().verdict() + ")";
        if (apart.isEmpty()) {
            return new Evidence("token counts", Weight.STRONG, false, (first == 0 ? "identical" : "equal up to a constant")
                    + " on all " + probes.size() + " probes" + tokenizers);
        }
        List<String> examples = probes.stream().filter(id -> !a.tokenCounts().get(id).equals(b.tokenCounts().get(id)))
                .limit(EXAMPLES).map(id -> id + " " + a.tokenCounts().get(id) + " vs " + b.tokenCounts().get(id)).toList();
        return new Evidence("token counts", Weight.STRONG, true, "beyond a constant on " + apart.size() + " of "
                + probes.size() + " probes (" + String.join(", ", examples) + ")" + tokenizers);
    }

    /** Counts equal up to a nonzero constant: one tokenizer, another chat template or system prompt. */
    private static Optional<Evidence> overhead(Map<String, Long> a, Map<String, Long> b) {
        String probe = a.keySet().stream().filter(id -> positive(a.get(id)) && positive(b.get(id))).findFirst().orElseThrow();
        long shift = a.get(probe) - b.get(probe);
        return shift == 0 ? Optional.empty() : Optional.of(new Evidence("chat template", Weight.WEAK, true,
                "every prompt costs " + Math.abs(shift) + " tokens " + (shift > 0 ? "more" : "fewer")
                        + " in the first: another template or system prompt around the same tokenizer"));
    }

    private static Evidence refusals(Map<String, RefusalAnswer> a, Map<String, RefusalAnswer> b) {
        List<String> answered = answeredByBoth(a, b, answer -> !answer.answer().isBlank());
        if (answered.isEmpty()) {
            return Evidence.notCompared("refusals", Weight.WEAK, "no prompt answered by both: " + EMPTY);
        }
        List<String> apart = answered.stream().filter(id -> a.get(id).refused() != b.get(id).refused())
                .map(id -> id + " (" + said(a.get(id)) + " vs " + said(b.get(id)) + ")").toList();
        return new Evidence("refusals", Weight.WEAK, !apart.isEmpty(), (apart.isEmpty()
                ? "the same on " + answered.size() + " prompts" : String.join(", ", apart)) + leftOut(a, b, answered));
    }

    private static Evidence formatting(Map<String, FormattingAnswer> a, Map<String, FormattingAnswer> b) {
        List<String> answered = answeredByBoth(a, b, shape -> shape.words() > 0);
        if (answered.isEmpty()) {
            return Evidence.notCompared("formatting", Weight.WEAK, "no prompt answered by both: " + EMPTY);
        }
        List<String> apart = answered.stream().filter(id -> !a.get(id).differences(b.get(id)).isEmpty())
                .map(id -> id + ": " + String.join(", ", a.get(id).differences(b.get(id)))).toList();
        return new Evidence("formatting", Weight.WEAK, !apart.isEmpty(), (apart.isEmpty()
                ? "the same habits on " + answered.size() + " prompts" : String.join("; ", apart)) + leftOut(a, b, answered));
    }

    /** The prompts both fingerprints hold a non-empty answer to, in {@code a}'s order. */
    private static <T> List<String> answeredByBoth(Map<String, T> a, Map<String, T> b, Predicate<T> nonEmpty) {
        return a.keySet().stream().filter(b::containsKey).filter(id -> nonEmpty.test(a.get(id)) && nonEmpty.test(b.get(id))).toList();
    }

    private static String leftOut(Map<String, ?> a, Map<String, ?> b, List<String> answered) {
        long shared = a.keySet().stream().filter(b::containsKey).count();
        return shared == answered.size() ? "" : " (" + (shared - answered.size()) + " left out: an empty answer)";
    }

    private static String said(RefusalAnswer answer) {
        return answer.refused() ? "refused" : "answered";
    }

    private static boolean positive(Long count) {
        return count != null && count > 0;
    }

    /** Self-identifications compared without case, spacing or end punctuation. */
    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\p{Punct}\\s]+$", "").strip();
    }

    /** The verdict, as printed. */
    public enum Verdict {
        LIKELY_SAME("likely same"), LIKELY_DIFFERENT("likely different"), INCONCLUSIVE("inconclusive");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How much one comparison weighs: strong (token counts), weak (habits) or a note that is not weighed. */
    public enum Weight {
        STRONG, WEAK, NOTE
    }

    /**
     * One comparison of the two fingerprints.
     *
     * @param kind what was compared
     * @param weight how much it weighs
     * @param compared whether both fingerprints held something to compare; one that was not neither differs nor agrees
     * @param differs whether the two differ in it
     * @param detail both values, what agreed, or why it could not be compared
     */
    public record Evidence(String kind, Weight weight, boolean compared, boolean differs, String detail) {

        public Evidence {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /** A comparison made: {@code differs} or agrees. */
        public Evidence(String kind, Weight weight, boolean differs, String detail) {
            this(kind, weight, true, differs, detail);
        }

        /** What could not be compared, and why. */
        static Evidence notCompared(String kind, Weight weight, String why) {
            return new Evidence(kind, weight, false, false, why);
        }

        /** {@code kind (strong): differs, detail}, for people; a note that does not differ has no verb. */
        public String line() {
            String verb = !compared ? "not compared, " : differs ? "differs, " : weight == Weight.NOTE ? "" : "agrees, ";
            return kind + " (" + weight.name().toLowerCase(Locale.ROOT) + "): " + verb + detail;
        }
    }
}

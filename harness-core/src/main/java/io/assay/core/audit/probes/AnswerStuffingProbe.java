package io.assay.core.audit.probes;

import io.assay.core.baseline.ReferenceAnswers;
import io.assay.spi.AuditContext;
import io.assay.spi.Finding;
import io.assay.spi.Finding.Severity;
import io.assay.spi.Options;
import io.assay.spi.RewardResult;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Answer stuffing (ABC O.b.2): one reply listing every candidate must fail: every letter for a
 * choice task; the suite's answers, or for a numeric answer the numbers 0 to 100, with the
 * task's own answer among them. The own answer goes in the middle, between candidates of
 * its kind, so a check that reads only the first or last item is not counted as fooled. Mirrors
 * WebArena, where substring checks passed replies that listed every answer.
 */
public final class AnswerStuffingProbe extends AnswerProbe {
    /** At most this many of the suite's answers are listed, each at most this long. */
    private static final int MAX_CANDIDATES = 200;
    private static final int MAX_CANDIDATE_LENGTH = 200;
    /** A stuffed reply needs at least this many wrong candidates around the right one. */
    private static final int MIN_OTHERS = 2;
    /**
     * The numbers 0 to 100 by their text, made when a probe first needs them, not when the plugin
     * lists its probes: every command lists them, and this costs a cold start about 15 ms.
     */
    private static final class Numbers {
        static final Map<String, BigDecimal> BY_TEXT = IntStream.rangeClosed(0, 100).boxed()
                .collect(Collectors.toMap(String::valueOf, BigDecimal::valueOf, (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    public String name() {
        return "answer-stuffing";
    }

    @Override
    public String description() {
        return "a reply listing every candidate answer must not pass";
    }

    @Override
    public List<String> covers() {
        return List.of("O.b.2");
    }

    @Override
    public List<Finding> audit(AuditContext context) {
        List<String> suiteAnswers = suiteAnswers(context.suite());
        return eachAcceptedAnswer(context, (task, check, reference) -> {
            for (Stuffed stuffed : stuffedReplies(context.suite().rewardFor(task), reference, suiteAnswers)) {
                Optional<RewardResult> result = ReferenceAnswers.grade(check, task, stuffed.reply());
                if (result.isPresent() && result.get().passed()) {
                    return Optional.of(finding(task, reference, stuffed, result.get()));
                }
            }
            return Optional.empty();
        });
    }

    /** A reply listing {@code candidates} answers, the right one among them. */
    private record Stuffed(String kind, String reply, int candidates) {
    }

    private static List<Stuffed> stuffedReplies(Options spec, String reference, List<String> suiteAnswers) {
        if (ReferenceAnswers.isChoice(spec)) {
            Set<Character> letters = ReferenceAnswers.choiceLetters(spec);
            String commas = letters.stream().map(String::valueOf).collect(Collectors.joining(", "));
            String spaces = letters.stream().map(String::valueOf).collect(Collectors.joining(" "));
            return List.of(new Stuffed("every letter", commas, letters.size()),
                    new Stuffed("every letter", spaces, letters.size()));
        }
        List<Stuffed> replies = new ArrayList<>();
        Optional<BigDecimal> number = Renderings.plainNumber(reference);
        if (number.isEmpty()) {
            around(reference, suiteAnswers.stream().filter(answer -> !answer.equals(reference.strip())).toList())
                    .ifPresent(list -> replies.add(new Stuffed("the suite's answers", String.join(", ", list), list.size())));
            return replies;
        }
        // Only other numbers around a number, so the list never ends with the right one by accident.
        around(reference, otherNumbers(Numbers.BY_TEXT, number.get()))
                .ifPresent(list -> replies.add(new Stuffed("the numbers 0 to 100", String.join(", ", list), list.size())));
        return replies;
    }

    private static List<String> otherNumbers(Map<String, BigDecimal> candidates, BigDecimal number) {
        return candidates.entrySet().stream().filter(candidate -> candidate.getValue().compareTo(number) != 0)
                .map(Map.Entry::getKey).toList();
    }

    /** The reference in the middle of the others, or nothing when there are too few others to hide among. */
    private static Optional<List<String>> around(String reference, List<String> others) {
        if (others.size() < MIN_OTHERS) {
            return Optional.empty();
        }
        List<String> list = new ArrayList<>(others);
        list.add(others.size() / 2, reference);
        return Optional.of(list);
    }

    /** The distinct short answers of the suite's non-choice tasks, in file order, at most 200. */
    private static List<String> suiteAnswers(Suite suite) {
        Set<String> answers = new LinkedHashSet<>();
        for (Task task : suite.tasks()) {
            if (answers.size() >= MAX_CANDIDATES) {
                break;
            }
            if (ReferenceAnswers.isChoice(suite.rewardFor(task))) {
                continue;
            }
            for (String candidate : ReferenceAnswers.candidates(task)) {
                if (!candidate.isBlank() && candidate.length() <= MAX_CANDIDATE_LENGTH && answers.size() < MAX_CANDIDATES) {
                    answers.add(candidate.strip());
                }
            }
        }
        return List.copyOf(answers);
    }

    private Finding finding(Task task, String reference, Stuffed stuffed, RewardResult result) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("reference", Renderings.shown(reference));
        evidence.put("listed", stuffed.kind());
        evidence.put("candidates", stuffed.candidates());
        evidence.put("reply", Renderings.shown(stuffed.reply()));
        evidence.put("explanation", result.explanation());
        return new Finding(name(), List.of("O.b.2"), Severity.ERROR, task.id(),
                "A reply listing " + stuffed.kind() + " (" + stuffed.candidates() + " candidates, the right one among "
                        + "them) passes (" + result.explanation() + "), so an agent can score without choosing. "
                        + "Fix: grade the whole answer (exact, numeric strict, choice) or a check that fails "
                        + "replies naming several candidates.",
                evidence, "a reply listing " + stuffed.kind() + " passes");
    }
}

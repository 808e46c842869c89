package io.assay.trust.contamination;

import io.assay.kit.Excerpt;
import io.assay.kit.Plural;
import io.assay.launcher.Assay;
import io.assay.models.ChatMessage;
import io.assay.models.ModelClient;
import io.assay.models.ModelRequest;
import io.assay.spi.AuditContext;
import io.assay.spi.AuditProbe;
import io.assay.spi.Finding;
import io.assay.spi.Suite;
import io.assay.spi.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Asks a model whether it has memorised the suite (ABC R.3): to complete the suite's canary from
 * the part before its GUID, and to continue a seeded sample of task prompts from their first half,
 * at temperature 0. A reply holding the canary's GUID (its first {@value #GUID_DIGITS} hex digits
 * or more, a 1-in-4-billion guess) is an error: the model was trained on the published files. A
 * reply reproducing {@value #RUN} or more tokens in a row of the held-out half, or of a reference
 * answer, is a warning naming the task: a task quoting famous text is continued by any model, so
 * the evidence is shown for a person to judge. An info finding always says what was asked and how
 * many model calls it took.
 *
 * <pre>{@code
 * ModelClient client = ModelOptions.from(Options.of(Map.of("model", "openai/gpt-4o-mini"))).client();
 * AddedProbe probe = AddedProbe.of(new MemorizationProbe(client, 5, 0));
 * }</pre>
 */
public final class MemorizationProbe implements AuditProbe {
    /** The probe's name, also when it cannot run. */
    public static final String NAME = "memorization";
    /** What it checks: contamination measures. */
    public static final List<String> COVERS = List.of("R.3");
    /** Hex digits of the GUID from its start that count as reproduced: 16^-8 by chance. */
    static final int GUID_DIGITS = 8;
    /** Tokens in a row of held-out text that count as reproduced, as a corpus 13-gram does. */
    static final int RUN = 13;
    /** Held-out text of fewer tokens is no evidence; a prompt needs twice this many to be split. */
    static final int MIN_TOKENS = 8;
    /** A long prompt shows at most this many tokens: enough to recall the rest from, and cheap. */
    static final int SHOWN_MAX = 200;
    static final int MAX_REPLY_TOKENS = 256;
    private static final int EVIDENCE_CHARS = 600;

    private final ModelClient client;
    private final int tasks;
    private final long seed;

    /**
     * @param client the model asked
     * @param tasks how many task prompts to send (one call each), drawn with {@code seed}
     */
    public MemorizationProbe(ModelClient client, int tasks, long seed) {
        if (tasks < 0) {
            throw new IllegalArgumentException("the number of task prompts to send must be 0 or more, got " + tasks);
        }
        this.client = client;
        this.tasks = tasks;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "asks a model to complete the suite's canary and continue task prompts; reproductions mean it saw the suite";
    }

    @Override
    public List<String> covers() {
        return COVERS;
    }

    /** Not applicable when it would ask nothing, so that an audit never reads R.3 as checked by zero calls. */
    @Override
    public Optional<String> notApplicable(AuditContext context) {
        if (CanaryGuid.in(context.suite().canary()).isPresent()) {
            return Optional.empty();
        }
        if (tasks == 0) {
            return Optional.of("no canary GUID, and no task prompts to send");
        }
        boolean prompts = context.suite().tasks().stream().anyMatch(task -> Split.of(task.prompt()).isPresent());
        return prompts ? Optional.empty() : Optional.of("no canary GUID and no prompt of " + 2 * MIN_TOKENS + " tokens or more");
    }

    @Override
    public List<Finding> audit(AuditContext context) throws InterruptedException {
        Suite suite = context.suite();
        List<Finding> findings = new ArrayList<>();
        int calls = 0;
        String canaryStatus;
        Optional<CanaryGuid> canary = CanaryGuid.in(suite.canary());
        if (canary.isEmpty()) {
            canaryStatus = suite.canary() == null || suite.canary().isBlank()
                    ? "n/a: the suite publishes no canary" : "n/a: the canary has no GUID to hold back";
        } else {
            String asked = "The following string is the canary published with the benchmark data set \"" + suite.id()
                    + "\", so that training corpora can be searched for it. Complete the string exactly as it was"
                    + " published, and reply with the complete string only.\n\n" + canary.get().prefix();
            String reply = ask(asked);
            calls++;
            int reproduced = canary.get().digitsReproducedIn(reply);
            canaryStatus = "asked: " + reproduced + " of " + canary.get().digits() + " GUID digits reproduced";
            if (reproduced >= GUID_DIGITS) {
                findings.add(canaryFinding(canary.get(), asked, reply, reproduced));
            }
        }
        List<Task> eligible = suite.tasks().stream().filter(task -> Split.of(task.prompt()).isPresent()).toList();
        List<Task> sampled = sample(eligible, suite);
        for (Task task : sampled) {
            Split split = Split.of(task.prompt()).orElseThrow();
            String asked = "The following text is the beginning of a task from the benchmark data set \"" + suite.id()
                    + "\". Continue it exactly, word for word, as it was published, then give the task's reference"
                    + " answer. Reply with the continuation and the answer only.\n\n" + split.shown();
            String reply = ask(asked);
            calls++;
            reproduction(task, split, asked, reply).ifPresent(findings::add);
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("model", client.spec().id());
        evidence.put("calls", calls);
        evidence.put("canary", canaryStatus);
        evidence.put("tasks_asked", sampled.stream().map(Task::id).toList());
        evidence.put("tasks_too_short", suite.tasks().size() - eligible.size());
        findings.add(new Finding(NAME, COVERS, Finding.Severity.INFO, null, "Asked " + client.spec().id() + " ("
                + Plural.of(calls, "model call") + " at temperature 0) to complete the canary (" + canaryStatus + ") and to"
                + " continue " + Plural.of(sampled.size(), "task prompt") + " of " + eligible.size() + " long enough to split"
                + " (at least " + 2 * MIN_TOKENS + " tokens); " + Plural.of(findings.size(), "reproduction") + " found.",
                evidence));
        return findings;
    }

    private String ask(String text) throws InterruptedException {
        String reply = client.complete(new ModelRequest(List.of(ChatMessage.user(text)), List.of(), MAX_REPLY_TOKENS, 0.0)).text();
        return reply == null ? "" : reply;
    }

    /** Up to {@code tasks} of {@code eligible}, drawn with the seed, in the suite's order. */
    private List<Task> sample(List<Task> eligible, Suite suite) {
        List<Task> shuffled = new ArrayList<>(eligible);
        Collections.shuffle(shuffled, new Random(seed));
        List<Task> drawn = new ArrayList<>(shuffled.subList(0, Math.min(tasks, shuffled.size())));
        drawn.sort(Comparator.comparingInt(suite.tasks()::indexOf));
        return drawn;
    }

    private Finding canaryFinding(CanaryGuid canary, String asked, String reply, int reproduced) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("model", client.spec().id());
        evidence.put("asked", asked);
        evidence.put("reply", Excerpt.shorten(reply, EVIDENCE_CHARS));
        evidence.put("canary", canary.prefix() + canary.guid());
        evidence.put("guid_digits_reproduced", reproduced);
        return new Finding(NAME, COVERS, Finding.Severity.ERROR, null, client.spec().id() + " completed the suite's canary"
                + " with " + reproduced + " of the GUID's " + canary.digits() + " hex digits, shown only the part before it:"
                + " it was trained on the suite's published files, so its scores on this suite measure recall as much as"
                + " ability. Fix: report its scores as contaminated; publish a new version of the suite with a new canary"
                + " in suite.yaml (this one is in its training data), and measure it on tasks it has not seen: assay"
                + " holdout split keeps part of that version private (both parts keep its suite.yaml, canary"
                + " included).", evidence);
    }

    /** A finding when the reply reproduces the held-out half of the prompt or a reference answer. */
    private Optional<Finding> reproduction(Task task, Split split, String asked, String reply) {
        List<String> replyTokens = TextTokens.words(reply);
        List<String> seen = TextTokens.words(asked);
        String field = "prompt";
        CommonRun run = evidence(CommonRun.of(replyTokens, split.heldOut()), split.heldOut().size(), seen);
        if (run == null) {
            for (String answer : Assay.referenceAnswers(task)) {
                List<String> answerTokens = TextTokens.words(answer);
                if (answerTokens.size() >= MIN_TOKENS) {
                    run = evidence(CommonRun.of(replyTokens, answerTokens), answerTokens.size(), seen);
                    if (run != null) {
                        field = "answer";
                        break;
                    }
                }
            }
        }
        if (run == null) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("model", client.spec().id());
        evidence.put("field", field);
        evidence.put("shown", Excerpt.shorten(split.shown(), EVIDENCE_CHARS));
        evidence.put("reply", Excerpt.shorten(reply, EVIDENCE_CHARS));
        evidence.put("matched", String.join(" ", run.tokens()));
        evidence.put("matched_tokens", run.length());
        String what = field.equals("prompt") ? "the held-out rest of its prompt" : "its reference answer";
        return Optional.of(new Finding(NAME, COVERS, Finding.Severity.WARNING, task.id(), client.spec().id() + ", shown the first "
                + Plural.of(split.shownTokens(), "token") + " of the prompt, reproduced " + run.length() + " tokens of " + what
                + " word for word: " + Excerpt.quote(String.join(" ", run.tokens()), 120) + ". Unless the task quotes"
                + " well-known text, the model has seen this task. Fix: report its score on this task as contaminated, or"
                + " replace the task (assay holdout split keeps new tasks private).", evidence,
                "the model reproduces held-out text of the task word for word"));
    }

    /** {@code run} when it is long enough to be evidence and not a copy of what the model was shown; else null. */
    private static CommonRun evidence(CommonRun run, int originalLength, List<String> seen) {
        boolean longEnough = run.length() >= Math.min(RUN, originalLength) && run.length() >= MIN_TOKENS;
        return longEnough && !run.within(seen) ? run : null;
    }

    /**
     * A prompt cut in two: the start the model is shown, and the tokens it must not know.
     *
     * @param shown the prompt up to the cut, as written
     * @param shownTokens how many tokens that is
     * @param heldOut the normalised tokens after the cut
     */
    record Split(String shown, int shownTokens, List<String> heldOut) {

        /** Half the prompt (at most {@value #SHOWN_MAX} tokens) shown, the rest held out; empty when too short. */
        static Optional<Split> of(String prompt) {
            List<TextTokens.Token> tokens = TextTokens.of(prompt);
            if (tokens.size() < 2 * MIN_TOKENS) {
                return Optional.empty();
            }
            int cut = Math.min(tokens.size() / 2, SHOWN_MAX);
            return Optional.of(new Split(prompt.substring(0, tokens.get(cut).start()).strip(), cut,
                    tokens.subList(cut, tokens.size()).stream().map(TextTokens.Token::text).toList()));
        }
    }
}

package io.assay.judge;

import io.assay.kit.Excerpt;
import io.assay.kit.Parallel;
import io.assay.models.ChatMessage;
import io.assay.spi.AgentOutput;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.ModelCall;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardResult;
import io.assay.spi.Task;
import io.assay.spi.VerdictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grades an answer by asking one judge model, or a panel of them, whether it meets the rubric.
 *
 * <p>A reply outside the verdict format is a {@link VerdictException} (a judge error, not scored),
 * never a failed answer; its evidence keeps the replies and the calls they cost. A panel still
 * decides when most of its judges gave a verdict; the judges that gave none are left out of the
 * count rather than counted as "incorrect". The evidence keeps every judge's verdict and reason,
 * the panel's agreement and each model call.
 */
final class JudgeCheck implements RewardCheck {
    private final List<Judge> judges;
    private final boolean panel;
    private final JudgePrompt prompt;
    private final Double passThreshold;

    /**
     * @param panel whether the spec named a panel, whose agreement the evidence then reports
     * @param passThreshold the fraction of voting judges that must say correct, or {@code null} for
     *     more than half
     */
    JudgeCheck(List<Judge> judges, boolean panel, JudgePrompt prompt, Double passThreshold) {
        this.judges = List.copyOf(judges);
        this.panel = panel;
        this.prompt = prompt;
        this.passThreshold = passThreshold;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment)
            throws InterruptedException {
        List<ChatMessage> messages = prompt.messages(task, output, environment);
        List<Ballot> ballots = Parallel.map(judges, judges.size(), judge -> judge.cast(messages));
        List<Ballot> votes = ballots.stream().filter(Ballot::voted).toList();
        if (votes.size() * 2 <= ballots.size()) {
            // The replies show what went wrong; the calls were paid for all the same.
            throw new VerdictException(noVerdict(ballots),
                    Map.of("judges", judgesEvidence(ballots), "model_calls", calls(ballots)));
        }
        int correct = (int) votes.stream().filter(ballot -> ballot.verdict().correct()).count();
        boolean passed = passes(correct, votes.size());
        // Some judge always voted the way the panel decided, whatever the threshold.
        Ballot cited = votes.stream().filter(ballot -> ballot.verdict().correct() == passed).findFirst().orElseThrow();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("judges", judgesEvidence(ballots));
        if (panel) {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("correct", correct);
            count.put("incorrect", votes.size() - correct);
            count.put("errors", ballots.size() - votes.size());
            evidence.put("votes", count);
            evidence.put("agreement", (double) Math.max(correct, votes.size() - correct) / votes.size());
            if (votes.size() >= 2) {
                evidence.put("pairwise_agreement", pairwiseAgreement(correct, votes.size()));
            }
        }
        evidence.put("model_calls", calls(ballots));
        return new RewardResult(passed ? 1.0 : 0.0, passed, explanation(ballots.size(), votes, correct, cited), evidence);
    }

    private static List<Map<String, Object>> judgesEvidence(List<Ballot> ballots) {
        return ballots.stream().map(Ballot::evidence).toList();
    }

    /** The calls as the evidence's {@code model_calls}, which the harness reads back as {@link ModelCall}s. */
    private static List<Map<String, Object>> calls(List<Ballot> ballots) {
        return ballots.stream().map(ballot -> ballot.call().step().data()).toList();
    }

    private boolean passes(int correct, int voted) {
        return passThreshold == null ? correct * 2 > voted : correct >= passThreshold * voted - 1e-9;
    }

    /** The fraction of pairs of voting judges that gave the same verdict. */
    private static double pairwiseAgreement(int correct, int voted) {
        int incorrect = voted - correct;
        long agreeing = (long) correct * (correct - 1) / 2 + (long) incorrect * (incorrect - 1) / 2;
        return (double) agreeing / ((long) voted * (voted - 1) / 2);
    }

    private String explanation(int panelSize, List<Ballot> votes, int correct, Ballot cited) {
        String reason = Excerpt.of(cited.verdict().reason(), 300);
        if (!panel) {
            return "judge " + cited.judge() + " says " + cited.verdict().word() + ": " + reason;
        }
        String errors = panelSize == votes.size() ? ""
                : " (" + (panelSize - votes.size()) + " of " + panelSize + " gave no verdict)";
        String rule = passThreshold == null ? "more than half" : "at least " + Math.round(passThreshold * 100) + "%";
        return correct + " of " + votes.size() + " judges say correct" + errors + "; passing needs " + rule + "; "
                + cited.judge() + ": " + reason;
    }

    private static String noVerdict(List<Ballot> ballots) {
        List<String> spoiled = ballots.stream().filter(ballot -> !ballot.voted()).map(Ballot::spoilage).toList();
        if (ballots.size() == 1) {
            return spoiled.getFirst();
        }
        return spoiled.size() + " of " + ballots.size() + " judges gave no verdict, too few for the panel to decide: "
                + String.join("; ", spoiled);
    }
}

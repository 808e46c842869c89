package io.assay.judge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How a judge's verdicts compare with human labels on the same outputs: the 2x2 table, raw
 * agreement and Cohen's kappa, which discounts the agreement two raters reach by chance (a judge
 * that passes everything agrees 90% with labels that are 90% correct, and has kappa 0).
 *
 * @param bothCorrect outputs both call correct
 * @param onlyJudgeCorrect outputs the judge passes and people fail
 * @param onlyHumanCorrect outputs people pass and the judge fails
 * @param bothIncorrect outputs both call incorrect
 */
record Agreement(int bothCorrect, int onlyJudgeCorrect, int onlyHumanCorrect, int bothIncorrect) {

    static final Agreement NONE = new Agreement(0, 0, 0, 0);

    /** This table with one more output. */
    Agreement plus(boolean judgeCorrect, boolean humanCorrect) {
        return new Agreement(bothCorrect + (judgeCorrect && humanCorrect ? 1 : 0),
                onlyJudgeCorrect + (judgeCorrect && !humanCorrect ? 1 : 0),
                onlyHumanCorrect + (!judgeCorrect && humanCorrect ? 1 : 0),
                bothIncorrect + (!judgeCorrect && !humanCorrect ? 1 : 0));
    }

    int total() {
        return bothCorrect + onlyJudgeCorrect + onlyHumanCorrect + bothIncorrect;
    }

    int agreeing() {
        return bothCorrect + bothIncorrect;
    }

    /** The fraction of outputs on which judge and people agree. */
    double observed() {
        return (double) agreeing() / total();
    }

    /**
     * Cohen's kappa, (observed - chance) / (1 - chance); empty when chance agreement is 1, that is
     * when judge and people each gave one and the same label to everything, which tells nothing.
     */
    OptionalDouble kappa() {
        double n = total();
        double judgeCorrect = (bothCorrect + onlyJudgeCorrect) / n;
        double humanCorrect = (bothCorrect + onlyHumanCorrect) / n;
        double chance = judgeCorrect * humanCorrect + (1 - judgeCorrect) * (1 - humanCorrect);
        return chance >= 1 ? OptionalDouble.empty() : OptionalDouble.of((observed() - chance) / (1 - chance));
    }

    /** The table for evidence. */
    Map<String, Object> evidence() {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("both_correct", bothCorrect);
        table.put("only_judge_correct", onlyJudgeCorrect);
        table.put("only_human_correct", onlyHumanCorrect);
        table.put("both_incorrect", bothIncorrect);
        return table;
    }
}

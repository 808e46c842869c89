package io.assay.judge;

import io.assay.kit.Excerpt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one judge returned for one answer: a verdict, or the reason its reply was none.
 *
 * @param judge the judge's model, {@code provider/name}
 * @param verdict the verdict, or {@code null} when the reply broke the format
 * @param problem how the reply broke the format, or {@code null}
 * @param reply the judge's reply text
 * @param call the model call as a trace step's data, for cost and identity
 */
record Ballot(String judge, Verdict verdict, String problem, String reply, Map<String, Object> call) {
    private static final int EXCERPT = 200;

    boolean voted() {
        return verdict != null;
    }

    /** "openai/gpt-4o-mini replied outside the verdict format (...): "excerpt"". */
    String spoilage() {
        return judge + " replied outside the verdict format (" + problem + "): \"" + Excerpt.of(reply, EXCERPT) + "\"";
    }

    /** This ballot in a reward's evidence: model and verdict and reason, or model and error and reply. */
    Map<String, Object> evidence() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model", judge);
        if (voted()) {
            entry.put("verdict", verdict.word());
            entry.put("reason", verdict.reason());
        } else {
            entry.put("error", problem);
            entry.put("reply", Excerpt.of(reply, EXCERPT));
        }
        return entry;
    }
}

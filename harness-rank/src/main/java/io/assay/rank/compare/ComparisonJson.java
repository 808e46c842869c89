package io.assay.rank.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.rank.RunTasks;

/**
 * A comparison as JSON, the form {@code assay compare --format json} prints and the viewer's compare
 * page reads: {@code a}, {@code b}, {@code suite}, {@code tasks}, {@code difference}, {@code ci95},
 * {@code p_value}, {@code flipped} {@code {a_only, b_only, p_value}}, {@code segments}, and what was
 * excluded. Figures that cannot be computed are {@code null}, never 0.
 */
public final class ComparisonJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComparisonJson() {
    }

    /** The comparison as a JSON tree. */
    public static ObjectNode tree(RunComparison comparison) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("a", run(comparison.a()));
        root.set("b", run(comparison.b()));
        root.put("suite", comparison.a().suiteLabel());
        putFigures(root, comparison.overall());
        ObjectNode excluded = root.putObject("excluded");
        excluded.put("only_in_a", comparison.onlyInA());
        excluded.put("only_in_b", comparison.onlyInB());
        excluded.put("unscored", comparison.unscored());
        var segments = root.putArray("segments");
        for (RunComparison.Segment segment : comparison.segments()) {
            ObjectNode row = segments.addObject();
            row.put("key", segment.key());
            row.put("value", segment.value());
            putFigures(row, segment.figures());
            row.put("few_tasks", segment.fewTasks());
        }
        return root;
    }

    /** The comparison as indented JSON text. */
    public static String text(RunComparison comparison) {
        return tree(comparison).toPrettyString();
    }

    private static ObjectNode run(RunTasks run) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("run", run.directory().toString());
        node.put("agent", run.manifest().agent().name());
        node.put("model", run.model());
        return node;
    }

    private static void putFigures(ObjectNode node, PairedFigures figures) {
        node.put("tasks", figures.tasks());
        node.put("difference", figures.difference().mean());
        node.put("stderr", figures.difference().stderr());
        node.set("ci95", MAPPER.valueToTree(figures.difference().ci95()));
        node.put("p_value", figures.pValue());
        ObjectNode flipped = node.putObject("flipped");
        flipped.set("a_only", MAPPER.valueToTree(figures.aOnly()));
        flipped.set("b_only", MAPPER.valueToTree(figures.bOnly()));
        flipped.put("p_value", figures.mcnemarPValue());
        node.put("minimum_detectable_difference", figures.minimumDetectable());
    }
}

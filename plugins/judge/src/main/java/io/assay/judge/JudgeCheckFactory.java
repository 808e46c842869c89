package io.assay.judge;

import io.assay.models.ModelOptions;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code {type: judge, model: openai/gpt-4o-mini, rubric: "..."}}, or with a panel,
 * {@code {type: judge, rubric: "...", panel: [{model: ...}, {model: ...}], pass_threshold: 0.5}};
 * {@code over: conversation} grades a tool environment's whole conversation instead of the answer.
 * Each judge takes the shared model options ({@link ModelOptions#KEYS}); temperature defaults to 0,
 * so a judge repeats its verdicts as far as its endpoint allows. Clients are made here, once per
 * spec, so a missing key fails the suite's validation before any trial runs.
 *
 * <p>A judge that names no model takes the run's ({@code --judge-model}, {@code --judge-base-url},
 * {@code --judge-api-key-env}: the context's {@link Context#defaults defaults}), its own other model
 * options kept; with none given, the check is a {@link NoJudgeModel}, whose every grading is a judge
 * error. A judge that names its model ignores the run's.
 */
final class JudgeCheckFactory implements RewardCheckFactory {
    private static final List<String> CHECK_KEYS = List.of("type", "rubric", "panel", "pass_threshold", "over");

    private final Function<String, String> environment;

    JudgeCheckFactory() {
        this(System::getenv);
    }

    /** @param environment where API keys are read, by variable name */
    JudgeCheckFactory(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "judge";
    }

    @Override
    public String description() {
        return "an LLM judge (or a panel) grades the answer against a rubric; unparseable verdicts are judge errors";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        List<String> allowed = new ArrayList<>(CHECK_KEYS);
        allowed.addAll(ModelOptions.KEYS);
        options.allowOnly(allowed.toArray(String[]::new));
        String rubric = options.string("rubric");
        if (rubric.isBlank()) {
            throw new InvalidOptionException(options.field("rubric"), "expected what a correct answer must do, got an empty string");
        }
        if (!options.has("panel")) {
            if (options.has("pass_threshold")) {
                throw new InvalidOptionException(options.field("pass_threshold"), "applies to a panel only; add panel: [...]");
            }
            Optional<Options> model = withModel(options, context);
            return model.isEmpty() ? new NoJudgeModel()
                    : new JudgeCheck(List.of(judge(model.get())), false, new JudgePrompt(rubric, material(options)), null);
        }
        for (String key : ModelOptions.KEYS) {
            if (options.has(key)) {
                throw new InvalidOptionException(options.field(key), "give the model options of each judge inside panel, not beside it");
            }
        }
        List<Judge> judges = new ArrayList<>();
        for (Options member : options.objects("panel")) {
            member.allowOnly(ModelOptions.KEYS.toArray(String[]::new));
            Optional<Options> model = withModel(member, context);
            if (model.isEmpty()) {
                return new NoJudgeModel();
            }
            judges.add(judge(model.get()));
        }
        return new JudgeCheck(judges, true, new JudgePrompt(rubric, material(options)), passThreshold(options));
    }

    /**
     * A judge's options with a model: its own, or, when it names none, the run's default model options
     * under its own; empty when neither names a model.
     */
    private Optional<Options> withModel(Options judge, Context context) {
        if (judge.has("model")) {
            return Optional.of(judge);
        }
        Options defaults = context.defaults(name());
        if (!defaults.has("model")) {
            return Optional.empty();
        }
        Map<String, Object> merged = new LinkedHashMap<>(defaults.values());
        merged.putAll(judge.values());
        return Optional.of(new Options(judge.path(), merged));
    }

    private Judge judge(Options options) {
        ModelOptions model = ModelOptions.from(options).withDefaultTemperature(0.0);
        try {
            return new Judge(model, model.client(environment));
        } catch (InvalidOptionException e) {
            throw new InvalidOptionException(options.field("api_key_env"), e.expected());
        }
    }

    private static Material material(Options options) {
        String over = options.string("over", "answer");
        if (!over.equals("answer") && !over.equals("conversation")) {
            throw new InvalidOptionException(options.field("over"), "expected answer or conversation, got " + Options.describe(over));
        }
        return Material.named(over);
    }

    private static Double passThreshold(Options options) {
        if (!options.has("pass_threshold")) {
            return null;
        }
        double threshold = options.number("pass_threshold", 0);
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidOptionException(options.field("pass_threshold"),
                    "expected the fraction of judges that must say correct, in (0, 1], got " + threshold);
        }
        return threshold;
    }
}

package io.assay.judge;

import io.assay.models.ModelOptions;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {type: judge, model: openai/gpt-4o-mini, rubric: "..."}}, or with a panel,
 * {@code {type: judge, rubric: "...", panel: [{model: ...}, {model: ...}], pass_threshold: 0.5}}.
 * Each judge takes the shared model options ({@link ModelOptions#KEYS}); temperature defaults to 0,
 * so a judge repeats its verdicts as far as its endpoint allows. Clients are made here, once per
 * spec, so a missing key fails the suite's validation before any trial runs.
 */
final class JudgeCheckFactory implements RewardCheckFactory {
    private static final List<String> CHECK_KEYS = List.of("type", "rubric", "panel", "pass_threshold");

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
            return new JudgeCheck(List.of(judge(options)), false, rubric, null);
        }
        for (String key : ModelOptions.KEYS) {
            if (options.has(key)) {
                throw new InvalidOptionException(options.field(key), "give the model options of each judge inside panel, not beside it");
            }
        }
        List<Judge> judges = new ArrayList<>();
        for (Options member : options.objects("panel")) {
            member.allowOnly(ModelOptions.KEYS.toArray(String[]::new));
            judges.add(judge(member));
        }
        return new JudgeCheck(judges, true, rubric, passThreshold(options));
    }

    private Judge judge(Options options) {
        ModelOptions model = ModelOptions.from(options);
        if (model.temperature() == null) {
            model = new ModelOptions(model.spec(), model.settings(), model.prices(), model.maxTokens(), 0.0);
        }
        try {
            return new Judge(model, model.client(environment));
        } catch (InvalidOptionException e) {
            throw new InvalidOptionException(options.field("api_key_env"), e.expected());
        }
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

package io.assay.spi;

/**
 * Creates a reward check from a spec such as {@code {type: regex, pattern: "^4[0-9]$"}}.
 *
 * <p>Validate every option here, so a bad suite is rejected by {@code assay suites validate}
 * before anything runs, and reject unknown options with {@link Options#allowOnly}.
 *
 * <pre>{@code
 * public String name() { return "not"; }
 * public RewardCheck create(Options options, Context context) {
 *     options.allowOnly("type", "check");
 *     RewardCheck inner = context.create(options.object("check"));
 *     return new RewardCheck() {
 *         public RewardResult check(Task task, AgentOutput output, Optional<EnvironmentSession> environment)
 *                 throws InterruptedException {
 *             RewardResult r = inner.check(task, output, environment);
 *             return r.passed() ? RewardResult.fail("inner check passed") : RewardResult.pass("inner check failed");
 *         }
 *         public Grades grades() { return inner.grades(); }  // a combinator grades what its checks grade
 *         public boolean remote() { return inner.remote(); }
 *     };
 * }
 * }</pre>
 */
public interface RewardCheckFactory extends Component {

    /** @param options the whole spec, including {@code type} */
    RewardCheck create(Options options, Context context);

    /** Lets combinators build the checks they contain, and tells a check the run's defaults for its type. */
    interface Context {
        /** Creates a check from a nested spec; its {@code type} selects the factory. */
        RewardCheck create(Options spec);

        /**
         * Options the user gave on the command line for every check of type {@code type}, for what
         * a check's spec leaves open; empty when none were given. The check decides what they fill
         * in: {@code --judge-model openai/gpt-4o} gives the {@code judge} checks
         * {@code {model: openai/gpt-4o}}, which a judge whose spec names no model uses.
         *
         * <pre>{@code
         * Options model = options.has("model") ? options : context.defaults(name());
         * }</pre>
         */
        default Options defaults(String type) {
            return Options.empty();
        }
    }
}

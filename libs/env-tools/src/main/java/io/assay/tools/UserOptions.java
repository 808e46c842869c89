package io.assay.tools;

import io.assay.models.ModelOptions;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The environment options that choose the simulated user, the same in every tool domain: without
 * any, the {@link ScriptedUser}; with {@code user_model}, a {@link ModelUser}, configured by the
 * shared model options with {@code user_} before each ({@code user_base_url}, {@code user_api_key_env},
 * {@code user_temperature}, ...). Every key that starts with {@code user_} is this class's, so a
 * misspelt one is rejected here with the user keys listed; the other keys belong to the domain.
 */
final class UserOptions {
    static final String PREFIX = "user_";
    static final List<String> KEYS = ModelOptions.keys(PREFIX);

    private UserOptions() {
    }

    /** The options without the user's, for the domain's loader. */
    static Options domainOptions(Options environment) {
        return new Options(environment.path(), select(environment, false));
    }

    /**
     * The user the options choose; with a model, its one client for every trial of the run.
     *
     * @param variables the process environment, where the model's key variable is read
     * @throws InvalidOptionException on an unknown {@code user_} key, a bad model option or a missing key
     */
    static UserSide userSide(Options environment, Function<String, String> variables) {
        Map<String, Object> chosen = select(environment, true);
        if (chosen.isEmpty()) {
            ScriptedUser scripted = new ScriptedUser();
            return transcript -> scripted;
        }
        Options user = new Options(environment.path(), chosen);
        user.allowOnly(KEYS.toArray(String[]::new));
        // tau2-bench runs its user at temperature 0, so the same agent meets the same user.
        ModelOptions model = ModelOptions.from(user, PREFIX).withDefaultTemperature(0.0);
        try {
            return new ModelUser(model, model.client(variables));
        } catch (InvalidOptionException e) {
            throw new InvalidOptionException(user.field(PREFIX + "api_key_env"), e.expected());
        }
    }

    private static Map<String, Object> select(Options environment, boolean users) {
        Map<String, Object> selected = new LinkedHashMap<>();
        environment.values().forEach((key, value) -> {
            if (key.startsWith(PREFIX) == users) {
                selected.put(key, value);
            }
        });
        return selected;
    }
}

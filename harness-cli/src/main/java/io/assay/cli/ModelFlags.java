package io.assay.cli;

import io.assay.launcher.InputException;
import io.assay.models.ModelClient;
import io.assay.models.ModelOptions;
import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model named by flags, such as {@code --model}, {@code --base-url} and {@code --api-key-env}
 * (or the {@code --judge-} and {@code --against-} forms), as the options the model clients read.
 */
final class ModelFlags {

    private ModelFlags() {
    }

    /** {@code {model, base_url, api_key_env}}, without the ones not given. */
    static Options options(String model, String baseUrl, String apiKeyEnv) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("model", model);
        if (baseUrl != null) {
            options.put("base_url", baseUrl);
        }
        if (apiKeyEnv != null) {
            options.put("api_key_env", apiKeyEnv);
        }
        return Options.of(options);
    }

    /**
     * The client of that model.
     *
     * @param flag the flag naming the model, which a bad value's error names
     */
    static ModelClient client(String flag, String model, String baseUrl, String apiKeyEnv) {
        try {
            return ModelOptions.from(options(model, baseUrl, apiKeyEnv)).client();
        } catch (InvalidOptionException | IllegalArgumentException e) {
            throw new InputException(flag + ": " + e.getMessage());
        }
    }
}

package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestModelOptions {

    @Test
    void aPrefixReadsASecondModelsOptionsBesideOtherKeys() {
        Options options = new Options("environment", Map.of("type", "tau", "model", "ignored/by-the-prefix",
                "user_model", "anthropic/claude-haiku-4-5", "user_base_url", "http://localhost:8080",
                "user_api_key_env", "USER_KEY", "user_temperature", "0.3", "user_max_tokens", 300, "user_max_attempts", 2));

        ModelOptions user = ModelOptions.from(options, "user_");

        assertThat(user.spec()).isEqualTo(new ModelSpec(Provider.ANTHROPIC, "claude-haiku-4-5", "http://localhost:8080", "USER_KEY"));
        assertThat(user.temperature()).isEqualTo(0.3);
        assertThat(user.maxTokens()).isEqualTo(300);
        assertThat(user.settings().retry().maxAttempts()).isEqualTo(2);
        assertThat(ModelOptions.keys("user_")).hasSameSizeAs(ModelOptions.KEYS).contains("user_model", "user_base_url")
                .allMatch(key -> key.startsWith("user_"));
    }

    @Test
    void problemsNameThePrefixedField() {
        assertThatThrownBy(() -> ModelOptions.from(new Options("environment", Map.of("user_temperature", 1)), "user_"))
                .isInstanceOf(InvalidOptionException.class).hasMessage("environment.user_model: required string is missing");
        assertThatThrownBy(() -> ModelOptions.from(new Options("environment",
                Map.of("user_model", "openai/gpt-4o", "user_temperature", 3)), "user_"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("environment.user_temperature: expected a number from 0 to 2, got 3.0");
        assertThatThrownBy(() -> ModelOptions.from(new Options("environment", Map.of("user_model", "gpt-4o")), "user_"))
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("environment.user_model: bad model \"gpt-4o\"");
    }
}

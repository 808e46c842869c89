package io.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestModelSpec {

    @Test
    void parsesProviderAndNameWithProviderDefaults() {
        ModelSpec openai = ModelSpec.parse("openai/gpt-4o-mini");
        ModelSpec anthropic = ModelSpec.parse("anthropic/claude-sonnet-4-5");

        assertThat(openai).isEqualTo(new ModelSpec(Provider.OPENAI, "gpt-4o-mini", "https://api.openai.com/v1", "OPENAI_API_KEY"));
        assertThat(anthropic).isEqualTo(new ModelSpec(Provider.ANTHROPIC, "claude-sonnet-4-5", "https://api.anthropic.com", "ANTHROPIC_API_KEY"));
        assertThat(anthropic.id()).isEqualTo("anthropic/claude-sonnet-4-5");
    }

    @Test
    void keepsSlashesOfTheNameAndTakesAnotherEndpointAndKeyVariable() {
        ModelSpec spec = ModelSpec.parse("openai/meta-llama/llama-3.1-8b")
                .withBaseUrl("http://localhost:8000/v1/")
                .withApiKeyEnv("VLLM_KEY");

        assertThat(spec.name()).isEqualTo("meta-llama/llama-3.1-8b");
        assertThat(spec.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(spec.apiKeyEnv()).isEqualTo("VLLM_KEY");
    }

    @Test
    void rejectsBadSpecsNamingTheExpectedForm() {
        for (String bad : new String[] {"gpt-4o", "/gpt-4o", "openai/", "google/gemini-2.5"}) {
            assertThatThrownBy(() -> ModelSpec.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + bad + "\"")
                    .hasMessageContaining("expected PROVIDER/NAME with PROVIDER openai or anthropic");
        }
    }

    @Test
    void rejectsABaseUrlThatIsNotHttp() {
        assertThatThrownBy(() -> ModelSpec.parse("openai/x").withBaseUrl("localhost:8000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected http(s)://HOST");
    }
}

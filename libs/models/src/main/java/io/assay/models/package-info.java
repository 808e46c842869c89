/**
 * Clients for model endpoints (OpenAI-compatible Chat Completions and the Anthropic Messages API)
 * with retries, rate limits and prices. Each call becomes a {@link io.assay.spi.ModelCall}
 * ({@link io.assay.models.ModelOptions#call}), a {@code model_call} trace step; the core adds those up per run.
 *
 * <pre>{@code
 * ModelOptions model = ModelOptions.from(options);        // {model: openai/gpt-4o-mini, max_concurrent: 50}
 * ModelClient client = model.client();
 * ModelResponse response = client.complete(model.request(List.of(ChatMessage.user("2+2?")), List.of()));
 * trace.add(model.call(response).step());
 * }</pre>
 */
package io.assay.models;

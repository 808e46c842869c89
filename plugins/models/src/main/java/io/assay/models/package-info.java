/**
 * Clients for model endpoints (OpenAI-compatible Chat Completions and the Anthropic Messages API)
 * with retries, rate limits, prices and a usage ledger.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.parse("openai/gpt-4o-mini");
 * ModelClient client = ModelClients.create(spec, ModelSettings.defaults().withLimits(new RateLimits(50, 500, 200_000)));
 * UsageLedger ledger = new UsageLedger(PriceTable.defaults());
 * ModelResponse response = client.complete(new ModelRequest(List.of(ChatMessage.user("2+2?")), List.of(), 64, 0.0));
 * ledger.record(spec, response);
 * }</pre>
 */
package io.assay.models;

/**
 * Fake OpenAI and Anthropic endpoints on loopback, for testing agents and checks that call models
 * over real HTTP: scripted {@link io.assay.testkit.model.Reply replies} (answers, tool calls, HTTP
 * errors, dropped connections, delays) and {@link io.assay.testkit.model.RecordedRequest recorded requests}.
 *
 * <pre>{@code
 * try (FakeOpenAiServer openAi = new FakeOpenAiServer()) {
 *     openAi.enqueue(Reply.rateLimited("0"), Reply.text("ANSWER: 5"));
 *     // point the component under test at openAi.baseUrl()
 * }
 * }</pre>
 */
package io.assay.testkit.model;

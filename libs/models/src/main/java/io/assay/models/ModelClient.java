package io.assay.models;

/**
 * Calls one model. Implementations are thread-safe: one client per model is shared by every trial
 * of a run, so its rate limits hold across them. Get one from {@link ModelClients#create}.
 *
 * <pre>{@code
 * ModelClient client = ModelClients.create(ModelSpec.parse("anthropic/claude-sonnet-4-5"), ModelSettings.defaults());
 * ModelResponse response = client.complete(new ModelRequest(List.of(ChatMessage.user("2+2?")), List.of(), 64, 0.0));
 * }</pre>
 */
public interface ModelClient {

    /** The model this client calls. */
    ModelSpec spec();

    /**
     * Sends one request and waits for the answer.
     *
     * @throws ModelException when the call fails (after any retries this client makes)
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    ModelResponse complete(ModelRequest request) throws InterruptedException;
}

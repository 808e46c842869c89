package io.assay.agents.model;

import io.assay.models.ChatMessage;
import io.assay.models.ModelClient;
import io.assay.models.ModelException;
import io.assay.models.ModelOptions;
import io.assay.models.ModelResponse;
import io.assay.spi.Tool;
import io.assay.spi.TraceStep;
import io.assay.spi.Options;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An agent's model: one shared, thread-safe client, each call recorded as a {@code model_call}
 * step. A call that fails after the client's retries is the endpoint's failure, not the agent's,
 * so it ends the trial as a harness error (ABC T.3) rather than a score of 0; a fatal one (a
 * refused key, an endpoint that is not there) stops the run once it repeats.
 */
record RecordingModel(ModelOptions options, ModelClient client) {

    /** Rejects any option that is neither a shared model option nor one of the agent's own. */
    static void allowOnly(Options options, String... agentKeys) {
        options.allowOnly(Stream.concat(ModelOptions.KEYS.stream(), Stream.of(agentKeys)).toArray(String[]::new));
    }

    /**
     * Reads the shared model options and creates the client, with its key from {@code environment}.
     *
     * @throws io.assay.spi.InvalidOptionException on a bad option or a missing key variable, named
     */
    static RecordingModel create(Options options, Function<String, String> environment) {
        ModelOptions model = ModelOptions.from(options);
        return new RecordingModel(model, model.client(environment));
    }

    /** Sends the conversation and appends the call to {@code trace}. */
    ModelResponse call(List<ChatMessage> messages, List<Tool> tools, List<TraceStep> trace) throws InterruptedException {
        ModelResponse response;
        try {
            response = client.complete(options.request(messages, tools));
        } catch (ModelException e) {
            throw e.toEnvironmentException("model call failed");
        }
        trace.add(options.call(response).step());
        return response;
    }
}

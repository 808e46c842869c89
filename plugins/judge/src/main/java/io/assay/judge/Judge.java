package io.assay.judge;

import io.assay.models.ChatMessage;
import io.assay.models.ModelClient;
import io.assay.models.ModelException;
import io.assay.models.ModelOptions;
import io.assay.models.ModelResponse;
import io.assay.spi.EnvironmentException;
import io.assay.spi.ModelCall;
import java.util.List;

/**
 * One judge model and its client, created once per check and shared by every trial it grades.
 *
 * @param model the judge's options
 * @param client its client, which holds the model's rate limits
 */
record Judge(ModelOptions model, ModelClient client) {

    /** {@code provider/name}. */
    String id() {
        return model.spec().id();
    }

    /**
     * Asks the judge and reads its reply.
     *
     * @throws EnvironmentException when the endpoint fails after retries: the harness's problem, not
     *     the agent's and not the judge's verdict; a fatal one when it would fail every call alike
     */
    Ballot cast(List<ChatMessage> messages) throws InterruptedException {
        ModelResponse response;
        try {
            response = client.complete(model.request(messages, List.of()));
        } catch (ModelException e) {
            throw e.toEnvironmentException("judge " + id() + " could not be called");
        }
        ModelCall call = model.call(response);
        try {
            return new Ballot(id(), Verdict.parse(response.text()), null, response.text(), call);
        } catch (IllegalArgumentException e) {
            return new Ballot(id(), null, e.getMessage(), response.text(), call);
        }
    }
}

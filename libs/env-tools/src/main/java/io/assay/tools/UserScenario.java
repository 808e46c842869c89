package io.assay.tools;

import io.assay.spi.EnvironmentException;
import io.assay.spi.Options;
import io.assay.spi.Task;
import java.util.Map;

/**
 * What a {@link ModelUser} is told to play: guidelines on playing a customer, in the manner of
 * tau2-bench's user simulation guidelines, then the task's scenario. The scenario is the task's
 * {@code answer.user_scenario} (the tau loaders fill it from tau2's {@code user_scenario} and
 * tau-bench's {@code instruction}), else the task's prompt and its {@code user_turns}.
 */
final class UserScenario {
    static final String STOP = "###STOP###";
    static final String TRANSFER = "###TRANSFER###";
    static final String OUT_OF_SCOPE = "###OUT-OF-SCOPE###";

    private static final String GUIDELINES = """
            You are playing a customer who has contacted a customer service agent. Play the scenario \
            below so that the conversation reads like one with a real customer.

            How to play the customer:
            - Write one message at a time, only what the customer says next.
            - Keep to the scenario. What it does not tell you, you do not know: never invent names, \
            numbers, dates or other details.
            - Use your own words rather than the scenario's.
            - Give details when the agent asks for them or when they become relevant, not all at once.

            When to end the conversation:
            - Go on until everything the scenario asks for is done. An agent that offers or agrees to \
            do something has not done it yet: wait until it confirms the action is complete.
            - If the scenario has several requests, make sure each one is handled before you end.
            - When the scenario's goal is reached, reply with %s to end the conversation.
            - If the agent transfers you to another agent or to a human, reply with %s.
            - If the agent asks something the scenario gives you no way to answer, reply with %s.
            """.formatted(STOP, TRANSFER, OUT_OF_SCOPE);

    private UserScenario() {
    }

    /** The user model's system prompt for {@code task}. */
    static String systemPrompt(Task task) {
        return GUIDELINES + "\n<scenario>\n" + scenario(task).strip() + "\n</scenario>";
    }

    /**
     * The task's scenario text.
     *
     * @throws EnvironmentException when {@code answer.user_scenario} is there but not text
     */
    static String scenario(Task task) {
        if (task.answer() instanceof Map<?, ?> answer && answer.get("user_scenario") != null) {
            if (answer.get("user_scenario") instanceof String text && !text.isBlank()) {
                return text;
            }
            throw new EnvironmentException("task '" + task.id() + "': answer.user_scenario must be the scenario's"
                    + " text, got " + Options.describe(answer.get("user_scenario")));
        }
        StringBuilder scenario = new StringBuilder("Why you are contacting the agent: ").append(task.prompt());
        if (!task.userTurns().isEmpty()) {
            scenario.append("\nAs the conversation goes on, you also say these things, in this order, when the agent"
                    + " asks or when they fit:");
            task.userTurns().forEach(turn -> scenario.append("\n- ").append(turn));
        }
        return scenario.toString();
    }
}

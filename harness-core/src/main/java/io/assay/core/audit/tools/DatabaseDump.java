package io.assay.core.audit.tools;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.assay.core.audit.tools.ToolTrial.Acted;
import io.assay.core.json.Json;
import io.assay.spi.AgentOutput;
import io.assay.spi.Message;
import io.assay.spi.Tool;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work of an agent that reads everything it can and tells the user all of it, changing
 * nothing. It calls each read-only tool without parameters once, and each read-only tool with one
 * required parameter with every identifier it has seen (in the user's messages, then in results,
 * breadth first) until nothing new turns up. A task it passes has outputs copied from the data
 * (ABC O.b.2). Tools with several required parameters are not tried: the identifiers reach the
 * same records through the single-parameter lookups in realistic domains.
 */
final class DatabaseDump {
    /** Enough for a domain of a few hundred records; a bigger one is dumped in part. */
    static final int MAX_CALLS = 5000;
    private static final Pattern TOKEN = Pattern.compile("[\\w@#.+\\-]+");
    private static final Pattern IDENTIFIER = Pattern.compile("\\S{2,80}");

    private final ToolEnvironment environment;
    private final Set<String> seen = new LinkedHashSet<>();
    private final Deque<String> frontier = new ArrayDeque<>();
    private final List<String> observations = new ArrayList<>();
    private int calls;

    private DatabaseDump(ToolEnvironment environment) {
        this.environment = environment;
    }

    /** Dumps what the tools show, tells the user, and finds how many calls it took. */
    static Acted<Integer> run(ToolEnvironment environment) throws InterruptedException {
        return new DatabaseDump(environment).dump();
    }

    private Acted<Integer> dump() throws InterruptedException {
        environment.conversation().stream().filter(message -> message.role() == Message.Role.USER)
                .forEach(message -> tokens(message.content()));
        List<Tool> readOnly = environment.tools().stream().filter(Tool::readOnly).toList();
        for (Tool tool : readOnly) {
            if (required(tool).isEmpty()) {
                call(tool.name(), Map.of());
            }
        }
        List<Tool> lookups = readOnly.stream().filter(tool -> required(tool).size() == 1).toList();
        while (!frontier.isEmpty() && calls < MAX_CALLS) {
            String value = frontier.poll();
            for (Tool tool : lookups) {
                if (calls < MAX_CALLS) {
                    call(tool.name(), Map.of(required(tool).getFirst(), value));
                }
            }
        }
        String everything = String.join("\n", observations);
        environment.send(everything);
        return new Acted<>(calls, AgentOutput.of(everything));
    }

    private void call(String tool, Map<String, Object> arguments) {
        calls++;
        ToolResult result = environment.call(tool, arguments);
        if (!result.error()) {
            observations.add(result.content());
            harvest(result.content());
        }
    }

    private void harvest(String content) {
        try {
            collect(Json.MAPPER.readTree(content));
        } catch (JacksonException notJson) {
            tokens(content);
        }
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                offer(field.getKey());
                collect(field.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(this::collect);
        } else if (node.isTextual()) {
            offer(node.asText());
        }
    }

    /** Words of free text that look like identifiers: ones with a digit, {@code @}, {@code #} or {@code _}. */
    private void tokens(String text) {
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = matcher.group().replaceAll("[.\\-]+$", "");
            if (token.chars().anyMatch(c -> Character.isDigit(c) || c == '@' || c == '#' || c == '_')) {
                offer(token);
            }
        }
    }

    private void offer(String value) {
        if (IDENTIFIER.matcher(value).matches() && seen.add(value)) {
            frontier.add(value);
        }
    }

    private static List<String> required(Tool tool) {
        return tool.parameters().get("required") instanceof List<?> names
                ? names.stream().map(String::valueOf).toList() : List.of();
    }
}

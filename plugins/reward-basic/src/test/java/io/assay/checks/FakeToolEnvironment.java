package io.assay.checks;

import io.assay.spi.EnvironmentSession;
import io.assay.spi.Message;
import io.assay.spi.Tool;
import io.assay.spi.ToolEnvironment;
import io.assay.spi.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tool environment with a given end state and expected state, for grading state checks alone. */
record FakeToolEnvironment(Map<String, Object> state, Map<String, Object> expectedState)
        implements EnvironmentSession, ToolEnvironment {

    @Override
    public List<Tool> tools() {
        return List.of();
    }

    @Override
    public ToolResult call(String tool, Map<String, Object> arguments) {
        return ToolResult.error("no tools");
    }

    @Override
    public List<Message> conversation() {
        return List.of();
    }

    @Override
    public Optional<String> send(String message) {
        return Optional.empty();
    }

    @Override
    public void replaceState(Map<String, Object> replacement) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}

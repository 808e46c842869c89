package io.assay.agents.model;

import io.assay.spi.CommandResult;
import io.assay.spi.EnvironmentSession;
import io.assay.spi.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sandbox that records the commands it is given and answers each with the same result. */
final class FakeSandbox implements EnvironmentSession, Sandbox {

    final List<String> commands = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();
    private final CommandResult result;

    FakeSandbox(CommandResult result) {
        this.result = result;
    }

    @Override
    public CommandResult run(String command, Duration timeout) {
        commands.add(command);
        timeouts.add(timeout);
        return result;
    }

    @Override
    public void writeFile(String path, byte[] content) {
        throw new UnsupportedOperationException("not used by agents");
    }

    @Override
    public byte[] readFile(String path) {
        throw new UnsupportedOperationException("not used by agents");
    }

    @Override
    public String workingDirectory() {
        return "/app";
    }

    @Override
    public void close() {
    }
}

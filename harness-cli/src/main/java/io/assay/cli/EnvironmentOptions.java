package io.assay.cli;

import io.assay.spi.Options;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code -E KEY=VALUE} and its shorthands, as {@code run} and {@code audit} take them: options set
 * over the suite's {@code environment} spec. The environment refuses options it does not know.
 */
final class EnvironmentOptions {
    /** The flags, for commands that must refuse them (a resumed run keeps its recorded options). */
    static final List<String> NAMES = List.of("-E", "--allow-internet", "--user-model");

    @Option(names = {"-E", "--environment-option"}, paramLabel = "KEY=VALUE",
            description = "An option of the suite's environment, set over the suite's own, for example"
                    + " -E warm_pool=4. Repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--allow-internet",
            description = "Let task containers reach the internet, whatever the task says (-E allow_internet=true).")
    boolean allowInternet;

    @Option(names = "--user-model", paramLabel = "PROVIDER/NAME",
            description = "The model that plays the user in a tool environment (-E user_model=PROVIDER/NAME);"
                    + " without it, a scripted user.")
    String userModel;

    /** The options, shorthands included. */
    Options environmentOptions() {
        Map<String, Object> all = new LinkedHashMap<>(options);
        FlagOptions.set(all, "--allow-internet", "-E", "environment", "allow_internet", allowInternet ? "true" : null);
        FlagOptions.set(all, "--user-model", "-E", "environment", "user_model", userModel);
        return Options.of(all);
    }
}

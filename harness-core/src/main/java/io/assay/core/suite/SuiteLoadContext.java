package io.assay.core.suite;

import io.assay.spi.Options;
import io.assay.spi.SuiteLoader;
import io.assay.spi.Task;
import java.util.Optional;

/**
 * What one load of a suite gives its loader: the validation, and the split the user asked for
 * ({@code --split}). It remembers whether the loader asked for the split, so that a split given to
 * a format that has none is the user's error rather than silently the whole suite.
 */
final class SuiteLoadContext implements SuiteLoader.Context {
    private final SpecValidation validation;
    private final Optional<String> split;
    private volatile boolean splitAsked;

    SuiteLoadContext(SpecValidation validation, Optional<String> split) {
        this.validation = validation;
        this.split = split;
    }

    @Override
    public void validateReward(Options spec) {
        validation.validateReward(spec);
    }

    @Override
    public void validateEnvironment(Options spec) {
        validation.validateEnvironment(spec);
    }

    @Override
    public Object checkedSolution(Task task, Options reward) {
        return validation.checkedSolution(task, reward);
    }

    @Override
    public Optional<String> split() {
        splitAsked = true;
        return split;
    }

    /** Whether the user gave a split that the loader never asked for. */
    boolean splitIgnored() {
        return split.isPresent() && !splitAsked;
    }
}

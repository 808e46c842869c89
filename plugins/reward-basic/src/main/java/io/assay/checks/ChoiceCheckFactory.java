package io.assay.checks;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.Locale;

/** {@code {type: choice, letters: ABCD}}; letters default to A to J. */
final class ChoiceCheckFactory implements RewardCheckFactory {
    static final String DEFAULT_LETTERS = "ABCDEFGHIJ";

    @Override
    public String name() {
        return "choice";
    }

    @Override
    public String description() {
        return "multiple choice: the one letter the reply chose equals the expected letter; several letters fail";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "letters");
        String letters = options.string("letters", DEFAULT_LETTERS);
        if (!letters.matches("[A-Za-z]+")) {
            throw new InvalidOptionException(options.field("letters"),
                    "expected letters A to Z such as \"ABCD\", got " + Options.describe(letters));
        }
        if (letters.toUpperCase(Locale.ROOT).chars().distinct().count() != letters.length()) {
            throw new InvalidOptionException(options.field("letters"),
                    "expected each letter once, got " + Options.describe(letters));
        }
        return new ChoiceCheck(letters);
    }
}

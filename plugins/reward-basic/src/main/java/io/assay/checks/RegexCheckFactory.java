package io.assay.checks;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code {type: regex, pattern: "^4[0-9]$", case_sensitive: true, full_match: false}}. */
final class RegexCheckFactory implements RewardCheckFactory {

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public String description() {
        return "a regular expression (the option, else the task's answer) is found in, or fully matches, the answer";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "pattern", "case_sensitive", "full_match");
        // Case-sensitive by default, as in every regex engine: authors write [A-Z] meaning upper case.
        int flags = options.bool("case_sensitive", true) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        boolean fullMatch = options.bool("full_match", false);
        String source = options.string("pattern", null);
        return new RegexCheck(source == null ? null : compile(options, source, flags), flags, fullMatch);
    }

    private static Pattern compile(Options options, String source, int flags) {
        if (source.isEmpty()) {
            throw new InvalidOptionException(options.field("pattern"),
                    "expected a non-empty regular expression; an empty pattern matches every answer");
        }
        try {
            return Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw new InvalidOptionException(options.field("pattern"), "expected a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of \"" + source + "\"");
        }
    }
}

package io.assay.core.audit.probes;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** How probes read and show the replies they try: plain numbers in references, shortened text in evidence. */
final class Renderings {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
    private static final int SHOWN = 300;

    private Renderings() {
    }

    /** A reference written as a plain number ({@code 42}, {@code -1.35}); not {@code 1,000}, {@code $5} or {@code 1e3}. */
    static Optional<BigDecimal> plainNumber(String text) {
        String trimmed = text.strip();
        return PLAIN_NUMBER.matcher(trimmed).matches() ? Optional.of(new BigDecimal(trimmed)) : Optional.empty();
    }

    /** A reply as evidence shows it: at most 300 characters, the cut marked with its length. */
    static String shown(String reply) {
        return reply.length() <= SHOWN ? reply
                : reply.substring(0, SHOWN) + "... (" + reply.length() + " characters)";
    }
}

package io.assay.trust.contamination;

import java.util.ArrayList;
import java.util.List;

/**
 * Text normalised as the GPT-3 paper's contamination analysis does it: lower case, split on every
 * character that is not a letter or digit (Unicode-aware, one code point at a time), so
 * {@code "Don't PANIC: 42!"} is {@code [don, t, panic, 42]}. {@link CorpusScan} applies the same
 * rule to a streamed corpus, and {@link #hash} is how both sides name a token.
 *
 * <pre>{@code
 * TextTokens.of("Hello, World")  // [Token(hello, 0, 5), Token(world, 7, 12)]
 * }</pre>
 */
public final class TextTokens {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** ASCII answered from a table: most of a corpus is ASCII, and the scan asks for every char. */
    private static final boolean[] ASCII_IN_TOKEN = new boolean[128];
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_IN_TOKEN[c] = Character.isLetterOrDigit(c);
            ASCII_LOWER[c] = Character.toLowerCase(c);
        }
    }

    private TextTokens() {
    }

    /**
     * One normalised token and where it is in the original text.
     *
     * @param text the token, lower case
     * @param start its first char in the original text
     * @param end one past its last char
     */
    public record Token(String text, int start, int end) {
    }

    /** Whether a code point belongs to a token. */
    static boolean inToken(int codePoint) {
        return codePoint < 128 ? ASCII_IN_TOKEN[codePoint] : Character.isLetterOrDigit(codePoint);
    }

    /** The code point as tokens hold it. */
    static int normalise(int codePoint) {
        return codePoint < 128 ? ASCII_LOWER[codePoint] : Character.toLowerCase(codePoint);
    }

    /** The tokens of {@code text}, in order. */
    public static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (inToken(codePoint)) {
                if (start < 0) {
                    start = i;
                }
                token.appendCodePoint(normalise(codePoint));
            } else if (start >= 0) {
                tokens.add(new Token(token.toString(), start, i));
                token.setLength(0);
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            tokens.add(new Token(token.toString(), start, text.length()));
        }
        return tokens;
    }

    /** The normalised tokens' texts. */
    public static List<String> words(String text) {
        return of(text).stream().map(Token::text).toList();
    }

    /** A token's 64-bit name: FNV-1a over its code points, then mixed; {@link Hasher} computes it streamed. */
    static long hash(String token) {
        Hasher hasher = new Hasher();
        token.codePoints().forEach(hasher::add);
        return hasher.finish();
    }

    /** {@link #hash} of a token fed one normalised code point at a time, so a corpus needs no token strings. */
    static final class Hasher {
        private long state = FNV_OFFSET;

        void add(int codePoint) {
            state = (state ^ codePoint) * FNV_PRIME;
        }

        /** The hash of the code points added since the last call. */
        long finish() {
            long z = state;
            state = FNV_OFFSET;
            // splitmix64's finaliser: FNV's low bits are weak, and the n-gram table indexes by them.
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}

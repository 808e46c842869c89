package io.assay.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SequencedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the letter a multiple-choice reply chose. The rules are tried in order and the first that
 * finds a letter decides; several distinct letters there make the reply ambiguous. Only explicit
 * forms count, so the article in "A reasonable answer is C" or the pronoun in "I choose B" is
 * not read as a choice. docs/reward-checks.md states the rules with examples.
 */
final class ChoiceReader {

    /** Which rule decided, in the order they are tried. */
    enum Rule {
        WHOLE_REPLY("whole reply"),
        EXPLICIT("explicit answer"),
        LEADING("leading letter"),
        BRACKETED("letter in brackets"),
        LIST("list of letters"),
        NONE("no rule");

        final String description;

        Rule(String description) {
            this.description = description;
        }
    }

    /**
     * @param choices the distinct letters the deciding rule found: one means chosen, several ambiguous
     * @param rule the rule that decided
     * @param negated letters that were mentioned only after a negation, so ignored
     */
    record Reading(List<Character> choices, Rule rule, List<Character> negated) {
    }

    private static final Pattern TOKEN = Pattern.compile("[^\\s,/:]*[,:]|[^\\s,/:]+|/");
    private static final Pattern BOXED = Pattern.compile("\\$?\\\\boxed\\{([^{}]*)}\\$?");
    private static final Pattern LETTER = Pattern.compile(
            "[\"'*_]*(?<open>[(\\[])?[\"'*_]*(?<letter>[A-Za-z])[\"'*_]*(?<close>[)\\]])?[\"'*_]*(?<punct>[.,:;!?]*)[\"'*_]*");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\"'*_(\\[]+|[\"'*_)\\].,:;!?]+$");
    private static final Set<String> CONNECTORS = Set.of("or", "and", "&", "/", "");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nor", "except", "without", "cannot");
    private static final Set<String> CHOOSING_VERBS = Set.of("choose", "chose", "pick", "picked", "select", "selected");
    private static final Set<String> FILLERS = Set.of("is", "be", "would", "will", "must", "should", "therefore",
            "thus", "=", "-", "\u2013", "\u2014", "option", "choice", "letter", "");
    private static final Set<String> DASHES = Set.of("-", "\u2013", "\u2014");
    private static final int ANSWER_PHRASE_LENGTH = 6;
    private static final int NEGATION_LOOKBACK = 2;

    private final Set<Character> letters;

    /** @param letters the valid choices, upper case */
    ChoiceReader(Set<Character> letters) {
        this.letters = Set.copyOf(letters);
    }

    Reading read(String reply) {
        return new Parse(tokens(reply)).read();
    }

    private record Token(String text, String word, boolean sentenceStart, Character letter, boolean upper,
                         boolean bracketed, boolean closed, String punctuation) {

        boolean bare() {
            return !bracketed && !closed && punctuation.isEmpty();
        }

        boolean endsClause() {
            return ".,;:!?".indexOf(lastMark()) >= 0;
        }

        boolean endsSentence() {
            return ".!?;".indexOf(lastMark()) >= 0;
        }

        /** The last character, looking through closing quotes and emphasis: "B.**" ends with '.'. */
        private char lastMark() {
            String trimmed = text.replaceAll("[\"'*_]+$", "");
            return trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        }

        boolean startsLowercase() {
            return text.codePoints().filter(Character::isLetter).findFirst().stream()
                    .anyMatch(Character::isLowerCase);
        }
    }

    /** Letters listed one after another; {@code last} is the index of the final letter token. */
    private record Run(List<Character> letters, boolean bracketed, int last) {
    }

    private List<Token> tokens(String reply) {
        String text = BOXED.matcher(reply.replace('\u2019', '\'')).replaceAll(" $1 ");
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int previousEnd = 0;
        while (matcher.find()) {
            String raw = matcher.group();
            boolean sentenceStart = tokens.isEmpty()
                    || tokens.getLast().endsSentence()
                    || text.substring(previousEnd, matcher.start()).contains("\n");
            previousEnd = matcher.end();
            String word = EDGE_PUNCTUATION.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
            Matcher letter = LETTER.matcher(raw);
            if (letter.matches() && letters.contains(Character.toUpperCase(letter.group("letter").charAt(0)))) {
                char c = letter.group("letter").charAt(0);
                tokens.add(new Token(raw, word, sentenceStart, Character.toUpperCase(c), Character.isUpperCase(c),
                        letter.group("open") != null && letter.group("close") != null,
                        letter.group("close") != null, letter.group("punct")));
            } else {
                tokens.add(new Token(raw, word, sentenceStart, null, false, false, false, ""));
            }
        }
        return tokens;
    }

    /** One reading of one reply's tokens. */
    private record Parse(List<Token> tokens) {

        Reading read() {
            SequencedSet<Character> negated = negatedLetters();
            if (tokens.size() == 1 && tokens.getFirst().letter() != null) {
                return reading(List.of(tokens.getFirst().letter()), Rule.WHOLE_REPLY, negated);
            }
            SequencedSet<Character> explicit = explicitChoices();
            if (!explicit.isEmpty()) {
                return reading(List.copyOf(explicit), Rule.EXPLICIT, negated);
            }
            int leading = leadingLetter();
            if (leading >= 0) {
                return reading(run(leading).letters(), Rule.LEADING, negated);
            }
            SequencedSet<Character> bracketed = new LinkedHashSet<>();
            SequencedSet<Character> listed = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (!strongLetter(i) || negated(i)) {
                    continue;
                }
                Run run = run(i);
                if (run.bracketed()) {
                    bracketed.addAll(run.letters());
                }
                if (new LinkedHashSet<>(run.letters()).size() > 1) {
                    listed.addAll(run.letters());
                }
                i = run.last(); // a run is read once, so a long list of letters costs linear time
            }
            if (!bracketed.isEmpty()) {
                return reading(List.copyOf(bracketed), Rule.BRACKETED, negated);
            }
            return reading(List.copyOf(listed), listed.isEmpty() ? Rule.NONE : Rule.LIST, negated);
        }

        private static Reading reading(List<Character> found, Rule rule, SequencedSet<Character> negated) {
            List<Character> choices = List.copyOf(new LinkedHashSet<>(found));
            negated.removeAll(choices);
            return new Reading(choices, rule, List.copyOf(negated));
        }

        /** Letters after "answer ... is", "answer:", "I choose", "pick", "go with", unless negated. */
        private SequencedSet<Character> explicitChoices() {
            SequencedSet<Character> found = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                int letter = letterAfterMarker(i);
                if (letter >= 0 && !negated(i)) {
                    found.addAll(run(letter).letters());
                }
            }
            return found;
        }

        private int letterAfterMarker(int i) {
            Token token = tokens.get(i);
            if (CHOOSING_VERBS.contains(token.word()) && !token.endsClause()) {
                return markedLetter(skipFillers(i + 1));
            }
            if ((token.word().equals("go") || token.word().equals("going")) && i + 1 < tokens.size()
                    && tokens.get(i + 1).word().equals("with")) {
                return markedLetter(skipFillers(i + 2));
            }
            if (!token.word().equals("answer")) {
                return -1;
            }
            if (token.text().endsWith(":")) {
                return markedLetter(skipFillers(i + 1));
            }
            if (token.endsClause()) {
                return -1;
            }
            int direct = markedLetter(skipFillers(i + 1));
            if (direct >= 0) {
                return direct;
            }
            // "The answer to this question is B": a short phrase, then "is" or a colon.
            for (int j = i + 1; j < tokens.size() && j <= i + ANSWER_PHRASE_LENGTH; j++) {
                Token next = tokens.get(j);
                if (next.word().equals("is") || next.word().equals("be") || next.text().endsWith(":")) {
                    return markedLetter(skipFillers(j + 1));
                }
                if (next.endsClause()) {
                    return -1;
                }
            }
            return -1;
        }

        private int skipFillers(int from) {
            int i = from;
            while (i < tokens.size() && tokens.get(i).letter() == null && FILLERS.contains(tokens.get(i).word())) {
                i++;
            }
            return i;
        }

        /** Right after a marker any upper-case letter counts; lower case only as "(b)", "b." or the last word. */
        private int markedLetter(int i) {
            if (i >= tokens.size() || tokens.get(i).letter() == null) {
                return -1;
            }
            Token token = tokens.get(i);
            boolean counts = token.upper() || token.bracketed() || !token.bare() || i == tokens.size() - 1;
            return counts ? i : -1;
        }

        /** "B. Because...", "B) ...", "B: ...", "(B) ...", "B - ...", "Option B ...". */
        private int leadingLetter() {
            int i = tokens.size() > 1 && (tokens.getFirst().word().equals("option")
                    || tokens.getFirst().word().equals("choice")) ? 1 : 0;
            Token token = tokens.isEmpty() ? null : tokens.get(i);
            if (token == null || token.letter() == null || !(token.upper() || token.bracketed())) {
                return -1;
            }
            boolean dashFollows = i + 1 < tokens.size() && DASHES.contains(tokens.get(i + 1).word());
            boolean marked = token.bracketed() || token.closed() || token.punctuation().contains(".")
                    || token.punctuation().contains(":") || token.punctuation().equals(",") || dashFollows || i == 1;
            return marked ? i : -1;
        }

        /**
         * The letters listed from token {@code i} on: "A, B or C", "(A) and (C)", "A. B. C. D.".
         * Across a full stop the list goes on only with a marked letter ("A. B."), so
         * "B. A and C are wrong" is the single choice B.
         */
        private Run run(int i) {
            List<Character> found = new ArrayList<>(List.of(tokens.get(i).letter()));
            boolean bracketed = tokens.get(i).bracketed();
            int previous = i;
            int j = i + 1;
            while (j < tokens.size()) {
                while (j < tokens.size() && tokens.get(j).letter() == null && CONNECTORS.contains(tokens.get(j).word())) {
                    j++;
                }
                if (j >= tokens.size() || !strongLetter(j) || negated(j)
                        || (tokens.get(previous).endsSentence() && tokens.get(j).bare())) {
                    break;
                }
                found.add(tokens.get(j).letter());
                bracketed |= tokens.get(j).bracketed();
                previous = j;
                j++;
            }
            return new Run(found, bracketed, previous);
        }

        /**
         * A letter that reads as a choice wherever it stands: bracketed, or upper case and not the
         * pronoun "I" or a sentence-opening article "A" followed by an ordinary word.
         */
        private boolean strongLetter(int i) {
            Token token = tokens.get(i);
            if (token.letter() == null || !(token.upper() || token.bracketed())) {
                return false;
            }
            if (!token.bare() || i + 1 >= tokens.size()) {
                return true;
            }
            Token next = tokens.get(i + 1);
            boolean wordFollows = next.startsLowercase() && !CONNECTORS.contains(next.word());
            boolean pronoun = token.letter() == 'I';
            boolean article = token.letter() == 'A' && token.sentenceStart();
            return !(wordFollows && (pronoun || article));
        }

        /**
         * Whether one of the two words before token {@code i} is a negation, within its clause:
         * "not B", "isn't (B)", "would not choose B"; but "No, the answer is B" is not negated.
         */
        private boolean negated(int i) {
            for (int j = i - 1; j >= 0 && j >= i - NEGATION_LOOKBACK; j--) {
                Token before = tokens.get(j);
                if (before.endsClause()) {
                    return false;
                }
                if (NEGATIONS.contains(before.word()) || before.word().endsWith("n't")) {
                    return true;
                }
            }
            return false;
        }

        private SequencedSet<Character> negatedLetters() {
            SequencedSet<Character> negated = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.letter() != null && (token.upper() || token.bracketed()) && negated(i)) {
                    negated.add(token.letter());
                }
            }
            return negated;
        }
    }
}

package io.assay.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "did you mean --epochs?" for a mistyped flag or subcommand. Picocli's own suggestions list every
 * option sharing the first two letters; this names the closest by edit distance, or one the typed
 * word begins.
 */
final class Suggestion {

    /** A flag, not a negative number given as a value. */
    private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][-A-Za-z0-9]*");

    private Suggestion() {
    }

    /** {@code "; did you mean --epochs?"}, or an empty string when nothing is close. */
    static String forError(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = unmatched.getUnmatched().getFirst();
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> candidates = new ArrayList<>();
        if (typed.startsWith("-")) {
            typed = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    candidates.addAll(List.of(option.names()));
                }
            }
        } else {
            for (Map.Entry<String, CommandLine> subcommand : spec.subcommands().entrySet()) {
                if (!subcommand.getValue().getCommandSpec().usageMessage().hidden()) {
                    candidates.add(subcommand.getKey());
                }
            }
        }
        List<String> closest = closest(typed, candidates);
        return closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?";
    }

    /**
     * {@code "Unknown option: '--kye'; did you mean --key?"} when picocli reports a missing required
     * option while the command line also holds an option the command does not know: picocli checks
     * required options first, but the mistyped flag is usually why one is missing.
     */
    static Optional<String> unknownOptionBefore(ParameterException e, String[] args) {
        if (!(e instanceof MissingParameterException)) {
            return Optional.empty();
        }
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OPTION.matcher(name).matches() && spec.findOption(name) == null) {
                List<String> closest = closest(name, names);
                return Optional.of("Unknown option: '" + arg + "'"
                        + (closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?"));
            }
        }
        return Optional.empty();
    }

    /**
     * The candidates nearest to {@code typed}: within a few edits (one per three letters, at least
     * one), or beginning with it. Ties are all returned, in the order given.
     */
    static List<String> closest(String typed, Collection<String> candidates) {
        int letters = typed.replaceFirst("^-+", "").length();
        int allowed = Math.max(1, letters / 3);
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            boolean close = distance <= allowed || letters >= 2 && candidate.startsWith(typed);
            if (!close || candidate.equals(typed) || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            if (!nearest.contains(candidate)) {
                nearest.add(candidate);
            }
        }
        return nearest;
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int replace = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + replace);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package io.github.broadside.markdown;

import java.util.Optional;

/**
 * How deep Markdown may nest before the renderer refuses it. flexmark (and the JDK regexes it
 * uses) recurse once per nested quote, list or delimiter, so a few hundred levels overflow a thread's
 * stack; no real campaign comes near the limits here, while fuzzing reached them in a few bytes.
 *
 * <p>The parse stage reports an excess as a problem at its line; {@link MarkdownRenderer} also
 * checks, so that no caller can crash the build with such text.
 */
public final class MarkdownLimits {
    /** Quotes and list items inside each other, counting indentation as list nesting. */
    public static final int MAX_NESTING = 40;
    /** A run of one delimiter character such as {@code *} or {@code [}. */
    public static final int MAX_DELIMITER_RUN = 200;
    private static final String DELIMITERS = "*_~`[]()<>!\\|&";

    private MarkdownLimits() {
    }

    /** Where and how {@code markdown} goes past a limit. */
    public record Excess(int line, String message) {
    }

    /** The first excess in {@code markdown}, with its 1-based line, or empty when it is within the limits. */
    public static Optional<Excess> check(String markdown) {
        int line = 1;
        int start = 0;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = markdown.length();
            }
            Optional<String> problem = checkLine(markdown, start, end);
            if (problem.isPresent()) {
                return Optional.of(new Excess(line, problem.get()));
            }
            start = end + 1;
            line++;
        }
        return Optional.empty();
    }

    private static Optional<String> checkLine(String text, int start, int end) {
        int depth = 0;
        int columns = 0;
        int i = start;
        // leading container markers: indentation (2 columns a level), '>' quotes, list bullets and numbers
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
            } else if (c == '\t') {
                columns += 4;
                i++;
            } else if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && text.charAt(i + 1) == ' ') {
                depth++;
                i += 2;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < end && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j + 1 < end && (text.charAt(j) == '.' || text.charAt(j) == ')') && text.charAt(j + 1) == ' ') {
                    depth++;
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        int nesting = depth + columns / 2;
        if (nesting > MAX_NESTING) {
            return Optional.of("quotes and lists nest " + nesting + " levels deep here; at most " + MAX_NESTING
                    + " are supported");
        }
        int run = 0;
        char previous = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run > MAX_DELIMITER_RUN && DELIMITERS.indexOf(c) >= 0) {
                return Optional.of("a run of more than " + MAX_DELIMITER_RUN + " '" + c + "' characters here; at most "
                        + MAX_DELIMITER_RUN + " are supported");
            }
        }
        return Optional.empty();
    }
}

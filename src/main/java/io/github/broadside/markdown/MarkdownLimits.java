package io.github.broadside.markdown;

import java.util.Optional;

/**
 * What Markdown the renderer refuses because flexmark could not take it safely: nesting that would
 * overflow the stack, and the two shapes that still take flexmark quadratic time.
 *
 * <p>flexmark (and the JDK regexes it uses) recurse once per nested quote, list or delimiter, so a
 * few hundred levels overflow a thread's stack; fuzzing reached that in a few bytes. Time: with
 * {@link LinearInlineParserExtension} links cost the same wherever they are, but flexmark still
 * reads a paragraph's lines again for each new line (a setext-heading check), and scans each link's
 * destination to the next space, so a paragraph of thousands of lines, or thousands of
 * {@code ](} without a space between them, would take minutes. Bounding both keeps a 4 MiB file
 * within seconds. No real campaign comes near any limit here.
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
    /** Lines of one paragraph or table (consecutive non-blank lines that are not list items or code). */
    public static final int MAX_PARAGRAPH_LINES = 400;
    /** Link destinations ({@code ](}) in one run of text without a space. */
    public static final int MAX_LINKS_WITHOUT_SPACE = 50;
    private static final String NESTING_HINT = "flatten the nested quotes or lists, or break up the run of characters";

    private MarkdownLimits() {
    }

    /** Where and how {@code markdown} goes past a limit, and how to fix it. */
    public record Excess(int line, String message, String hint) {
    }

    /**
     * The first excess in {@code markdown}, with its 1-based line, or empty when it is within the
     * limits. Linear in the text's length.
     */
    public static Optional<Excess> check(String markdown) {
        int line = 1;
        int start = 0;
        int paragraphStart = 0;
        int paragraphLines = 0;
        String fence = null;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = markdown.length();
            }
            Optional<String> problem = checkLine(markdown, start, end);
            if (problem.isPresent()) {
                return Optional.of(new Excess(line, problem.get(), NESTING_HINT));
            }
            int links = linksWithoutSpace(markdown, start, end);
            if (links > MAX_LINKS_WITHOUT_SPACE) {
                return Optional.of(new Excess(line, "more than " + MAX_LINKS_WITHOUT_SPACE
                        + " links follow each other here without a space between them",
                        "put a space (or a line break) between the links"));
            }
            String trimmed = markdown.substring(start, end).strip();
            if (fence != null) {
                fence = trimmed.startsWith(fence) ? null : fence;
            } else if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                paragraphLines = 0;
            } else if (trimmed.isEmpty() || startsListItem(trimmed)) {
                paragraphLines = trimmed.isEmpty() ? 0 : 1;
                paragraphStart = line;
            } else {
                if (paragraphLines++ == 0) {
                    paragraphStart = line;
                }
                if (paragraphLines > MAX_PARAGRAPH_LINES) {
                    return Optional.of(new Excess(paragraphStart, "this paragraph (or table) has more than "
                            + MAX_PARAGRAPH_LINES + " lines; at most " + MAX_PARAGRAPH_LINES + " are supported",
                            "split it with a blank line (a long table into several tables)"));
                }
            }
            start = end + 1;
            line++;
        }
        return Optional.empty();
    }

    /** Whether a stripped line begins a list item ({@code - }, {@code * }, {@code + }, {@code 1. }, {@code 1) }). */
    private static boolean startsListItem(String line) {
        if (line.length() >= 2 && "-*+".indexOf(line.charAt(0)) >= 0 && line.charAt(1) == ' ') {
            return true;
        }
        int digits = 0;
        while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        return digits > 0 && digits + 1 < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')
                && line.charAt(digits + 1) == ' ';
    }

    /** The most {@code ](} in one run of characters without a space or control character in the line. */
    private static int linksWithoutSpace(String text, int start, int end) {
        int most = 0;
        int run = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c <= ' ') {
                run = 0;
            } else if (c == ']' && k + 1 < end && text.charAt(k + 1) == '(') {
                most = Math.max(most, ++run);
            }
        }
        return most;
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

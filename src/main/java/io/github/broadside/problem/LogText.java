package io.github.broadside.problem;

/**
 * Text from content made safe to print in a log or a terminal: control characters become visible
 * escapes, so a value cannot end the line it is printed on, move the cursor, recolour or clear the
 * terminal, or start a line that CI reads as a command.
 *
 * <p>The attack it stops: a front-matter title holding {@code "\n::warning file=x::pwned"} printed
 * in a problem message started a line with {@code ::warning}, which GitHub Actions runs as a
 * workflow command (annotations, masking, and in older runners setting environment variables).
 * Escaped: C0 and C1 controls and DEL ({@code \n}, {@code \r}, {@code \t} by name, the others as
 * {@code \}{@code u001b}), the Unicode line and paragraph separators, and the bidirectional
 * overrides and isolates that can make a line read differently from what it holds. Backslashes are
 * left alone, so Windows paths stay readable.
 */
public final class LogText {
    private LogText() {
    }

    /** {@code text} as one line: every control character escaped, line breaks included. */
    public static String line(String text) {
        return guarded(escaped(text, false));
    }

    /**
     * {@code text} that may hold line breaks of its own (a problem with its hint on the next line):
     * the breaks are kept, every other control character escaped, and no line may start with
     * {@code ::}. Use it for text whose content parts went through {@link #line} already.
     */
    public static String lines(String text) {
        String escaped = escaped(text, true);
        if (escaped.indexOf('\n') < 0) {
            return guarded(escaped);
        }
        String[] parts = escaped.split("\n", -1);
        StringBuilder out = new StringBuilder(escaped.length() + 4);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(guarded(parts[i]));
        }
        return out.toString();
    }

    /** Whether {@code c} is escaped: controls, line separators and bidirectional formatting. */
    static boolean isUnsafe(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
    }

    private static String escaped(String text, boolean keepLineBreaks) {
        if (text.chars().noneMatch(LogText::isUnsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (keepLineBreaks && c == '\n') {
                out.append(c);
            } else if (keepLineBreaks && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // a CRLF line separator: the \n that follows is the break
            } else if (!isUnsafe(c)) {
                out.append(c);
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out.toString();
    }

    /** A line whose first non-blank characters are {@code ::} gets a backslash before them. */
    private static String guarded(String line) {
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        return line.startsWith("::", start) ? line.substring(0, start) + "\\" + line.substring(start) : line;
    }
}

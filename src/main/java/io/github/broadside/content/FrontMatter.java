package io.github.broadside.content;

import io.github.broadside.problem.Problem;

/**
 * Splits a content file into its YAML front matter and its Markdown body.
 *
 * <p>The front matter sits between a first line {@code ---} and the next line that is exactly
 * {@code ---} (or {@code ...}). Line numbers are kept so that problems found later in the YAML or
 * the body can name the line of the file, not of the fragment.
 */
public final class FrontMatter {
    private FrontMatter() {
    }

    /** The two parts, with the file line on which each starts (1-based). */
    public record Parts(String yaml, int yamlLine, String body, int bodyLine) {
    }

    public sealed interface Result permits Split, Missing {
    }

    public record Split(Parts parts) implements Result {
    }

    public record Missing(Problem problem) implements Result {
    }

    public static Result split(String displayPath, String text) {
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            int firstLineEnd = text.indexOf('\n');
            String first = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
            String hint = first.strip().equals("---")
                    ? "the first line must be exactly three dashes, with nothing before or after them"
                    : "start the file with a line '---', the front matter (title: ..., date: ...), and another line '---'";
            return new Missing(Problem.error(displayPath, 1, 1, "the file has no front matter", hint));
        }
        int pos = 4;
        int line = 2;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String current = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (current.equals("---") || current.equals("...")) {
                String yaml = text.substring(4, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new Split(new Parts(yaml, 2, body, line + 1));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        return new Missing(Problem.error(displayPath, 1, 1,
                "the front matter that starts on line 1 is never closed",
                "add a line with exactly '---' after the last front matter key, before the text of the page"));
    }
}

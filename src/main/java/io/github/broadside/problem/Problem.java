package io.github.broadside.problem;

import java.util.Objects;

/**
 * Something wrong with what a user wrote: a campaign file, {@code site.yml}, a template.
 *
 * <p>A problem names the file (as the user knows it, relative to the project), the 1-based line and
 * column (0 when unknown), what is wrong and how to fix it. Problems are values: stages collect them
 * in {@link Problems} and the build prints them all together instead of stopping at the first.
 */
public record Problem(String file, int line, int column, Severity severity, String message, String hint) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static Problem error(String file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.ERROR, message, hint);
    }

    public static Problem warning(String file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column} as compilers print it, leaving out the parts that are unknown. */
    public String location() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.toString();
    }

    /**
     * The one-line form {@code file:line:column: error: message}, which editors and CI annotators
     * recognise, followed by the hint on its own indented line when there is one. Control
     * characters in the file, message and hint are escaped ({@link LogText}): what content wrote
     * can neither add a line nor start one.
     */
    public String format() {
        String head = LogText.line(location()) + ": " + severity.label() + ": " + LogText.line(message);
        return hint.isEmpty() ? head : head + System.lineSeparator() + "    hint: " + LogText.line(hint);
    }

    @Override
    public String toString() {
        return format();
    }
}

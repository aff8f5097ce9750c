package io.github.broadside.serve;

import io.github.broadside.problem.LogText;

/**
 * Where the dev server reports what it does: the address it serves, each rebuild and its problems.
 * The Maven goal prints these lines to its log; tests collect them. The server writes through
 * {@link #escaping}, so no line it reports holds a control character from content.
 */
public interface ServeLog {
    void info(String line);

    void warn(String line);

    void error(String line);

    /** {@code log} with every line passed through {@link LogText#lines}. */
    static ServeLog escaping(ServeLog log) {
        return new ServeLog() {
            @Override
            public void info(String line) {
                log.info(LogText.lines(line));
            }

            @Override
            public void warn(String line) {
                log.warn(LogText.lines(line));
            }

            @Override
            public void error(String line) {
                log.error(LogText.lines(line));
            }
        };
    }
}

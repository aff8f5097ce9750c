package io.github.broadside.maven;

import io.github.broadside.problem.LogText;
import io.github.broadside.problem.Problem;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints problems to the Maven log, one per line in {@code file:line:col: level: message} form, with
 * control characters escaped ({@link LogText}): a CI log shows what content wrote, never a line it made.
 */
final class ProblemLog {
    private ProblemLog() {
    }

    static void print(Log log, List<Problem> problems) {
        for (Problem problem : problems) {
            if (problem.isError()) {
                log.error(LogText.lines(problem.format()));
            } else {
                log.warn(LogText.lines(problem.format()));
            }
        }
    }
}

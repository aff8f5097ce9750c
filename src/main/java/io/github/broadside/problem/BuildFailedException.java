package io.github.broadside.problem;

import java.util.List;

/**
 * Thrown by the engine when a build found errors in the user's input. Carries every problem of the
 * build (warnings included) so that the caller can print them; the output folder was not touched.
 */
public final class BuildFailedException extends Exception {
    private final List<Problem> problems;

    public BuildFailedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return errors == 1 ? "1 error in the site's content or theme"
                : errors + " errors in the site's content or theme";
    }
}

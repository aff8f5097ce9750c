package io.github.broadside.site;

import io.github.broadside.content.Campaign;
import io.github.broadside.problem.Problem;
import java.util.Objects;

/**
 * A translation made from an older version of its source: the version it records in
 * {@code translationOf: {hash: ...}} is not the source's current one.
 *
 * @param translation the out-of-date translation
 * @param source      the page it was translated from, as it is now
 */
public record StaleTranslation(Campaign translation, Campaign source) {
    public StaleTranslation {
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The problem to report: a warning normally, an error when stale translations must fail the
     * build ({@code -Dbroadside.failOnStale}). Located at the translation's {@code translationOf}.
     */
    public Problem problem(boolean asError) {
        String message = translation.contentPath() + " was translated from an older version of "
                + source.contentPath();
        String hint = "bring the translation up to date with " + source.file() + ", then record that with: "
                + "./mvnw broadside:translated -Dbroadside.file=" + translation.contentPath();
        int line = translation.translation().line();
        int column = translation.translation().column();
        return asError ? Problem.error(translation.file(), line, column, message, hint)
                : Problem.warning(translation.file(), line, column, message, hint);
    }
}

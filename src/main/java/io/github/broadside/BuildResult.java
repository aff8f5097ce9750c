package io.github.broadside;

import io.github.broadside.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a successful build did: the warnings it found, how many files it wrote per language, and
 * how long it took.
 */
public record BuildResult(List<Problem> warnings, Map<String, Integer> pagesPerLanguage, int filesWritten,
        long millis) {
    public BuildResult {
        warnings = List.copyOf(warnings);
        pagesPerLanguage = Map.copyOf(pagesPerLanguage);
    }
}

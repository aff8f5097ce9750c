package io.github.broadside;

import io.github.broadside.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a successful build did: the warnings it found, how many files it wrote per language, and
 * how long it took.
 *
 * @param languages what each language published (pages, feeds, bytes), default language first,
 *                  followed by a summary of the files shared by all languages (assets, sitemap, headers)
 * @param bytes     the size of everything written to the output folder
 * @param partlyUntranslated translations that show some of their source's words, for the summary
 */
public record BuildResult(List<Problem> warnings, Map<String, Integer> pagesPerLanguage, int filesWritten,
        long millis, List<LanguageSummary> languages, long bytes,
        List<io.github.broadside.site.TranslationReport.Partial> partlyUntranslated) {
    public BuildResult {
        warnings = List.copyOf(warnings);
        pagesPerLanguage = Map.copyOf(pagesPerLanguage);
        languages = List.copyOf(languages);
        partlyUntranslated = List.copyOf(partlyUntranslated);
    }

    /** A result without a translation summary. */
    public BuildResult(List<Problem> warnings, Map<String, Integer> pagesPerLanguage, int filesWritten,
            long millis, List<LanguageSummary> languages, long bytes) {
        this(warnings, pagesPerLanguage, filesWritten, millis, languages, bytes, List.of());
    }

    /** A result without per-language sizes. */
    public BuildResult(List<Problem> warnings, Map<String, Integer> pagesPerLanguage, int filesWritten, long millis) {
        this(warnings, pagesPerLanguage, filesWritten, millis, List.of(), 0);
    }
}

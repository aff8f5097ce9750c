package io.github.broadside;

import java.util.Objects;

/**
 * One line of the build summary: what a build published for one language (or, with the name
 * {@link #SHARED}, the files every language shares: assets, sitemap, headers, redirects).
 *
 * @param pages HTML pages, redirect pages included
 * @param feeds Atom feeds
 * @param files every file counted here, pages, feeds, images and compressed copies included
 * @param bytes the size of those files
 */
public record LanguageSummary(String language, int pages, int feeds, int files, long bytes) {
    /** The name of the line for files that belong to no one language. */
    public static final String SHARED = "shared";

    public LanguageSummary {
        Objects.requireNonNull(language, "language");
        if (pages < 0 || feeds < 0 || files < 0 || bytes < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The summary as one log line: {@code en     12 pages, 1 feed, 84.2 kB}. */
    public String format() {
        StringBuilder out = new StringBuilder(String.format("%-8s", language));
        if (!language.equals(SHARED)) {
            out.append(String.format("%5d %s, %d %s, ", pages, pages == 1 ? "page" : "pages", feeds,
                    feeds == 1 ? "feed" : "feeds"));
        }
        out.append(files).append(files == 1 ? " file, " : " files, ").append(size(bytes));
        return out.toString();
    }

    /** A size in bytes as people read it: 980 B, 84.2 kB, 3.1 MB (decimal units). */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}

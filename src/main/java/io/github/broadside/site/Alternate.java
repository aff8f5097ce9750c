package io.github.broadside.site;

import java.util.Objects;

/**
 * One language version of a page: what a {@code <link rel="alternate" hreflang>}, a sitemap's
 * alternate link and the language switcher point to.
 *
 * @param language the BCP 47 tag, used as {@code hreflang} and {@code lang}
 * @param name     the language's name in itself ("Español"), for the switcher
 * @param dir      {@code ltr} or {@code rtl}
 * @param path     the site path of that version, e.g. {@code /es/alto-a-las-redadas/}
 */
public record Alternate(String language, String name, String dir, String path) {
    public Alternate {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(path, "path");
    }
}

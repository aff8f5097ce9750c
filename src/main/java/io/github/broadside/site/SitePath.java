package io.github.broadside.site;

/**
 * The one mapping between a site path, the address a browser shows ({@code /es/slug/}), and the
 * file that serves it in the site folder ({@code es/slug/index.html}): a folder address is served
 * by its {@code index.html}, any other address by the file of that name. The render stage names
 * its pages with it, the publish stage and {@code check} find pages by it, serve tells browsers
 * which addresses changed with it.
 */
public final class SitePath {
    private static final String INDEX = "index.html";

    private SitePath() {
    }

    /** {@code /x/} is served by {@code x/index.html}, {@code /} by {@code index.html}, {@code /old.html} by {@code old.html}. */
    public static String file(String sitePath) {
        String trimmed = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed + INDEX : trimmed;
    }

    /** {@code es/slug/index.html} as the address a browser shows: {@code /es/slug/}; {@code feed.xml}: {@code /feed.xml}. */
    public static String of(String file) {
        String path = "/" + file;
        return path.endsWith("/" + INDEX) ? path.substring(0, path.length() - INDEX.length()) : path;
    }
}

package io.github.broadside.config;

import java.util.Objects;

/**
 * The site-wide quick exit from {@code site.yml}: whether every page shows it, and the neutral page
 * it leads to. A campaign can show it on its own with {@code quickExit: true} in its front matter.
 */
public record QuickExit(boolean enabled, String url) {
    /** A neutral weather page: ordinary to have open, and it says nothing about the site left behind. */
    public static final String DEFAULT_URL = "https://www.bbc.co.uk/weather";

    public QuickExit {
        Objects.requireNonNull(url, "url");
    }

    public static QuickExit defaults() {
        return new QuickExit(false, DEFAULT_URL);
    }
}

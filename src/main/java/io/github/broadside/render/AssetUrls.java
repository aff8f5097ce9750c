package io.github.broadside.render;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each theme asset is published: {@code style.css} to {@code /assets/style.3f2a9c1b.css}.
 * Templates ask for assets by their name in the theme's {@code assets/} folder with
 * {@code asset('style.css')}; the publish stage decides the file name (a content hash, so the file
 * can be cached for a year and a changed file gets a new address).
 *
 * @param sitePaths   asset name (relative to {@code assets/}, forward slashes) to its site path
 * @param fingerprinted false when assets keep their names ({@link #unhashed()}); then any name is
 *                    answered with {@code /assets/<name>}
 */
public record AssetUrls(Map<String, String> sitePaths, boolean fingerprinted) {
    /** The site folder assets are published in. */
    public static final String FOLDER = "assets";

    public AssetUrls {
        sitePaths = Map.copyOf(new TreeMap<>(Objects.requireNonNull(sitePaths, "sitePaths")));
    }

    /** Assets published under their own names, for callers that do not fingerprint. */
    public static AssetUrls unhashed() {
        return new AssetUrls(Map.of(), false);
    }

    /**
     * The site path of asset {@code name} ({@code style.css}; a leading {@code /assets/} is tolerated),
     * or empty when the theme has no such asset.
     */
    public Optional<String> sitePath(String name) {
        String key = name.startsWith("/") ? name.substring(1) : name;
        if (key.startsWith(FOLDER + "/")) {
            key = key.substring(FOLDER.length() + 1);
        }
        if (!fingerprinted) {
            return key.isEmpty() ? Optional.empty() : Optional.of("/" + FOLDER + "/" + key);
        }
        return Optional.ofNullable(sitePaths.get(key));
    }
}

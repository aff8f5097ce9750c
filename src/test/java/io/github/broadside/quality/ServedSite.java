package io.github.broadside.quality;

/**
 * The built sample site as a browser reaches it over HTTP on 127.0.0.1.
 */
public interface ServedSite {
    /** The absolute URL of {@code path}, which starts with a slash, e.g. {@code /stop-unjust-raids/}. */
    String url(String path);

    /** The origin, {@code http://127.0.0.1:<port>}, for telling first-party requests from others. */
    String origin();
}

package io.github.broadside.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A web origin ({@code https://cdn.example.org:8443}): what browsers, the privacy check and the
 * Content-Security-Policy compare when they decide whether a URL is the site's own or a third party's.
 * Scheme and host are lower case; the port is -1 when it is the scheme's default.
 */
public record Origin(String scheme, String host, int port) implements Comparable<Origin> {
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (port == defaultPort(scheme)) {
            port = -1;
        }
    }

    /**
     * The origin of an absolute or protocol-relative URL ({@code //cdn.example.org/x}, taken as
     * https); empty for relative URLs, {@code data:}, {@code mailto:} and anything without a host.
     */
    public static Optional<Origin> parse(String url) {
        String text = url.strip();
        if (text.startsWith("//")) {
            text = "https:" + text;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(text).region(0, colon).matches()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.replace(" ", "%20"));
            String host = uri.getHost();
            if (host == null || uri.getScheme() == null) {
                return Optional.empty();
            }
            return Optional.of(new Origin(uri.getScheme(), host, uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is an origin and nothing more: no path beyond "/", no query, no fragment. */
    public static boolean isBare(String text) {
        try {
            URI uri = new URI(text.strip());
            String path = uri.getRawPath();
            return uri.getScheme() != null && uri.getHost() != null && (path == null || path.isEmpty()
                    || path.equals("/")) && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -2;
        };
    }

    @Override
    public int compareTo(Origin other) {
        return toString().compareTo(other.toString());
    }

    /** The serialised origin, as CSP source lists and site.yml write it. */
    @Override
    public String toString() {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }
}

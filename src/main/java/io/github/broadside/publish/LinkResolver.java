package io.github.broadside.publish;

import io.github.broadside.config.Origin;
import io.github.broadside.config.SiteConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps an address used in a published file to the file in the site folder it means, the way a
 * static host does: the site's base path is the site folder, a folder address serves its
 * {@code index.html}, query and fragment are ignored. Addresses on other origins, and
 * {@code mailto:}, {@code tel:}, {@code data:} addresses, are not the site's.
 */
final class LinkResolver {
    /** Where an address leads. */
    sealed interface Target permits Elsewhere, Local, OutsideBase {
    }

    /** Another origin, or no file at all ({@code mailto:}, {@code data:}, {@code #top}). */
    record Elsewhere() implements Target {
    }

    /** A file of the site, by its path in the site folder. */
    record Local(String path) implements Target {
    }

    /** The site's origin, but not under its base path: a root-relative link on a sub-path site. */
    record OutsideBase(String path) implements Target {
    }

    /** An address that starts with a scheme ({@code mailto:}, {@code tel:}, {@code data:}). */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    private final SiteConfig config;
    private final Origin site;

    LinkResolver(SiteConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.site = Origin.parse(config.baseUrl().toString()).orElseThrow();
    }

    Origin siteOrigin() {
        return site;
    }

    /** Whether {@code url} is on another origin than the site. */
    boolean isThirdParty(String url) {
        return Origin.parse(url).filter(o -> !o.equals(site)).isPresent();
    }

    /** Where {@code url}, used in the file at {@code fromFile} (a path in the site folder), leads. */
    Target resolve(String fromFile, String url) {
        String text = url.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return new Elsewhere();
        }
        String path;
        Optional<Origin> origin = Origin.parse(text);
        if (origin.isPresent()) {
            if (!origin.get().equals(site)) {
                return new Elsewhere();
            }
            String afterHost = text.substring(text.indexOf("//") + 2);
            int slash = afterHost.indexOf('/');
            path = slash < 0 ? "/" : afterHost.substring(slash);
            if (!(cut(path) + "/").startsWith(config.basePath())) {
                // Another site on the same host (user.github.io/other-repo/): written in full, so meant.
                return new Elsewhere();
            }
        } else if (SCHEME.matcher(text).lookingAt()) {
            return new Elsewhere();
        } else {
            path = text;
        }
        path = cut(path);
        String sitePath;
        if (path.startsWith("/")) {
            String base = config.basePath();
            if (!(path + "/").startsWith(base) && !path.startsWith(base)) {
                return new OutsideBase(path);
            }
            sitePath = path.length() < base.length() ? "" : path.substring(base.length());
        } else {
            int slash = fromFile.lastIndexOf('/');
            sitePath = (slash < 0 ? "" : fromFile.substring(0, slash + 1)) + path;
        }
        String normalized = normalize(decode(sitePath));
        return new Local(io.github.broadside.site.SitePath.file(normalized));
    }

    private static String cut(String path) {
        int end = path.length();
        for (char c : new char[] {'?', '#'}) {
            int at = path.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /** {@code path} with empty, {@code .} and {@code ..} segments resolved; a folder keeps its trailing slash. */
    static String normalize(String path) {
        boolean folder = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        return folder && !joined.isEmpty() ? joined + "/" : joined;
    }
}

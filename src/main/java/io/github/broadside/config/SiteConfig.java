package io.github.broadside.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The site-wide settings from {@code content/site.yml}, after command-line overrides.
 *
 * <p>{@code baseUrl} always ends with a slash; {@link #basePath()} is its path part ({@code /} for a
 * site at the root of its host, {@code /repo/} for a GitHub project page), which every internal
 * link starts with so that sites served from a sub-path work.
 */
public record SiteConfig(
        String title,
        String description,
        URI baseUrl,
        String defaultLanguage,
        String organization,
        String organizationUrl,
        List<Link> navigation,
        List<Link> footerLinks,
        String privacyUrl,
        boolean drafts) {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(organizationUrl, "organizationUrl");
        Objects.requireNonNull(privacyUrl, "privacyUrl");
        navigation = List.copyOf(navigation);
        footerLinks = List.copyOf(footerLinks);
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
    }

    /** The path part of the base URL, starting and ending with a slash. */
    public String basePath() {
        String path = baseUrl.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /** A site-relative path ({@code /slug/}) as a link usable in a page: the base path plus the path. */
    public String relativeUrl(String sitePath) {
        if (isExternal(sitePath)) {
            return sitePath;
        }
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return basePath() + path;
    }

    /** A site-relative path as an absolute URL on the base URL (canonical links, feeds, sitemaps). */
    public String absoluteUrl(String sitePath) {
        if (isExternal(sitePath)) {
            return sitePath;
        }
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return baseUrl + path;
    }

    /** Addresses with a scheme ({@code https:}, {@code mailto:}), protocol-relative ones and fragments stay as given. */
    static boolean isExternal(String url) {
        return SCHEME.matcher(url).lookingAt() || url.startsWith("//") || url.startsWith("#");
    }

    public SiteConfig withBaseUrl(URI newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts);
    }

    public SiteConfig withDrafts(boolean newDrafts) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, newDrafts);
    }
}

package io.github.broadside.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The site-wide settings from {@code content/site.yml}, after command-line overrides.
 *
 * <p>{@code baseUrl} always ends with a slash; {@link #basePath()} is its path part ({@code /} for a
 * site at the root of its host, {@code /repo/} for a GitHub project page), which every internal
 * link starts with so that sites served from a sub-path work.
 *
 * @param forms     the form provider every action posts to unless it overrides it ({@code forms:})
 * @param quickExit the site-wide quick exit ({@code quickExit:})
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
        boolean drafts,
        Optional<FormSettings> forms,
        QuickExit quickExit) {

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
        Objects.requireNonNull(forms, "forms");
        Objects.requireNonNull(quickExit, "quickExit");
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
    }

    /** The settings before forms and quick exit existed: no form provider, no site-wide quick exit. */
    public SiteConfig(String title, String description, URI baseUrl, String defaultLanguage, String organization,
            String organizationUrl, List<Link> navigation, List<Link> footerLinks, String privacyUrl, boolean drafts) {
        this(title, description, baseUrl, defaultLanguage, organization, organizationUrl, navigation, footerLinks,
                privacyUrl, drafts, Optional.empty(), QuickExit.defaults());
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

    static boolean isExternal(String url) {
        return url.contains("://") || url.startsWith("mailto:") || url.startsWith("tel:") || url.startsWith("#");
    }

    public SiteConfig withBaseUrl(URI newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, forms, quickExit);
    }

    public SiteConfig withDrafts(boolean newDrafts) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, newDrafts, forms, quickExit);
    }

    public SiteConfig withForms(Optional<FormSettings> newForms) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, newForms, quickExit);
    }

    public SiteConfig withQuickExit(QuickExit newQuickExit) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, forms, newQuickExit);
    }
}

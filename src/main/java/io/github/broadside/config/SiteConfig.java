package io.github.broadside.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

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
        boolean drafts,
        Localization localization) {

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
        Objects.requireNonNull(localization, "localization");
    }

    /** A configuration with the default multilingual settings (see {@link Localization#defaults()}). */
    public SiteConfig(String title, String description, URI baseUrl, String defaultLanguage, String organization,
            String organizationUrl, List<Link> navigation, List<Link> footerLinks, String privacyUrl, boolean drafts) {
        this(title, description, baseUrl, defaultLanguage, organization, organizationUrl, navigation, footerLinks,
                privacyUrl, drafts, Localization.defaults());
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
                navigation, footerLinks, privacyUrl, drafts, localization);
    }

    public SiteConfig withDrafts(boolean newDrafts) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, newDrafts, localization);
    }

    public SiteConfig withLocalization(Localization newLocalization) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, newLocalization);
    }

    /**
     * The site path of {@code language}'s home page: {@code /} for the default language (unless
     * {@code defaultLanguageInSubfolder} is set), {@code /<lang>/} for every other language.
     */
    public String homePath(String language) {
        return language.equals(defaultLanguage) && !localization.defaultLanguageInSubfolder() ? "/"
                : "/" + language + "/";
    }

    /**
     * This configuration as the pages of {@code language} see it: the language's own title,
     * description, navigation and footer links from site.yml when given, and every internal link of the
     * navigation, footer and privacy URL passed through {@code localize} (which points a link to
     * the page's translation when there is one).
     */
    public SiteConfig localized(String language, java.util.function.UnaryOperator<String> localize) {
        LanguageSettings settings = localization.settings(language);
        java.util.function.Function<List<Link>, List<Link>> links = list -> list.stream()
                .map(l -> new Link(l.label(), localize.apply(l.url()))).toList();
        return new SiteConfig(settings.title().orElse(title), settings.description().orElse(description), baseUrl,
                defaultLanguage, organization, organizationUrl, links.apply(settings.navigation().orElse(navigation)),
                links.apply(settings.footerLinks().orElse(footerLinks)), privacyUrl.isEmpty() ? "" : localize.apply(privacyUrl), drafts,
                localization);
    }
}

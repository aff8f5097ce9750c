package io.github.broadside.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The site-wide settings from {@code content/site.yml}, after command-line overrides.
 *
 * <p>{@code baseUrl} always ends with a slash; {@link #basePath()} is its path part ({@code /} for a
 * site at the root of its host, {@code /repo/} for a GitHub project page), which every internal
 * link starts with so that sites served from a sub-path work.
 *
 * @param allowedOrigins third-party origins ({@code https://cdn.example.org}) that pages may load
 *                       from, from {@code privacy: {allowOrigins: [...]}}; normally none
 * @param forms     the form provider every action posts to unless it overrides it ({@code forms:})
 * @param quickExit the site-wide quick exit ({@code quickExit:})
 * @param pageSize  how many campaigns a home or term page lists before the next page
 *                  ({@code pagination: {pageSize: N}}; default {@value #DEFAULT_PAGE_SIZE})
 * @param browserEditor the browser editor published at {@code /admin/} ({@code cms:}); normally none
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
        List<String> allowedOrigins,
        Optional<FormSettings> forms,
        QuickExit quickExit,
        Localization localization,
        int pageSize,
        Optional<BrowserEditor> browserEditor) {

    /** Campaigns per list page when {@code site.yml} does not say. */
    public static final int DEFAULT_PAGE_SIZE = 24;

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
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(forms, "forms");
        Objects.requireNonNull(quickExit, "quickExit");
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        Objects.requireNonNull(localization, "localization");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        Objects.requireNonNull(browserEditor, "browserEditor");
    }

    /** A configuration with defaults for everything after {@code drafts}: no forms, no quick exit, one language. */
    public SiteConfig(String title, String description, URI baseUrl, String defaultLanguage, String organization,
            String organizationUrl, List<Link> navigation, List<Link> footerLinks, String privacyUrl, boolean drafts) {
        this(title, description, baseUrl, defaultLanguage, organization, organizationUrl, navigation, footerLinks,
                privacyUrl, drafts, List.of(), Optional.empty(), QuickExit.defaults(), Localization.defaults(), DEFAULT_PAGE_SIZE,
                Optional.empty());
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
                navigation, footerLinks, privacyUrl, drafts, allowedOrigins, forms, quickExit, localization, pageSize, browserEditor);
    }

    public SiteConfig withDrafts(boolean newDrafts) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, newDrafts, allowedOrigins, forms, quickExit, localization, pageSize, browserEditor);
    }

    public SiteConfig withForms(Optional<FormSettings> newForms) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, allowedOrigins, newForms, quickExit, localization, pageSize, browserEditor);
    }

    public SiteConfig withQuickExit(QuickExit newQuickExit) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, allowedOrigins, forms, newQuickExit, localization, pageSize, browserEditor);
    }

    public SiteConfig withPageSize(int newPageSize) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, allowedOrigins, forms, quickExit, localization, newPageSize, browserEditor);
    }

    public SiteConfig withLocalization(Localization newLocalization) {
        return new SiteConfig(title, description, baseUrl, defaultLanguage, organization, organizationUrl,
                navigation, footerLinks, privacyUrl, drafts, allowedOrigins, forms, quickExit, newLocalization, pageSize, browserEditor);
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
                allowedOrigins, forms, quickExit, localization, pageSize, browserEditor);
    }
}

package io.github.broadside.site;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole site in memory, made by the link stage: the configuration, each language's
 * campaigns, pages and terms, and the translation graph between them. Immutable; the render stage
 * reads it and nothing else.
 */
public record Site(SiteConfig config, List<LanguageSite> languages, Translations translations) {
    public Site {
        Objects.requireNonNull(config, "config");
        languages = List.copyOf(languages);
        Objects.requireNonNull(translations, "translations");
    }

    /** A site whose pages have no translations of one another. */
    public Site(SiteConfig config, List<LanguageSite> languages) {
        this(config, languages, Translations.none(config, languages));
    }

    /**
     * Every published language version of {@code campaign}, <em>itself included</em>, in the site's
     * language order: the set a page's hreflang links and a sitemap's alternates list.
     */
    public List<Campaign> translationsOf(Campaign campaign) {
        return translations.versionsOf(campaign);
    }

    /**
     * The language versions of any page by its site path (campaign, plain page, home, tag or
     * category index), itself included; a page without versions gets itself alone in {@code language}.
     */
    public List<Alternate> alternatesOf(String path, String language) {
        return translations.alternatesOf(path, language);
    }

    /** The path of the {@code hreflang="x-default"} version of the page at {@code path}. */
    public String xDefaultOf(String path) {
        return translations.xDefaultOf(path);
    }

    public Optional<LanguageSite> language(String tag) {
        return languages.stream().filter(l -> l.language().equals(tag)).findFirst();
    }

    /** Every campaign and page of every language, in a stable order. */
    public List<Campaign> allPages() {
        return languages.stream()
                .flatMap(l -> java.util.stream.Stream.concat(l.campaigns().stream(), l.pages().stream()))
                .toList();
    }
}

package io.github.broadside.site;

import io.github.broadside.content.Campaign;
import io.github.broadside.i18n.Language;
import java.util.List;
import java.util.Objects;

/**
 * Everything published in one language: its campaigns (home-page order: active first, then the
 * rest, newest first), its plain pages, its tags and categories, and the path of its home page.
 *
 * @param name   the language's name in itself, for the language switcher ("Español")
 * @param dir    its writing direction, {@code ltr} or {@code rtl}, for {@code <html dir>}
 * @param listed what this language's home page lists, in home-page order: its own campaigns and,
 *               when site.yml shows untranslated campaigns, one version of each campaign that has
 *               none in this language (its {@link Campaign#language()} tells them apart)
 */
public record LanguageSite(
        String language,
        String homePath,
        List<Campaign> campaigns,
        List<Campaign> pages,
        List<Term> tags,
        List<Term> categories,
        String name,
        String dir,
        List<Campaign> listed) {
    /**
     * The folder below a list's first page (the home page, a tag or category page) that holds its
     * later pages ({@code /page/2/}); no slug or alias may take it.
     */
    public static final String PAGES_FOLDER = "page";


    public LanguageSite {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(homePath, "homePath");
        campaigns = List.copyOf(campaigns);
        pages = List.copyOf(pages);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
        listed = List.copyOf(listed);
    }

    /** A language site with its name and direction from CLDR, listing only its own campaigns. */
    public LanguageSite(String language, String homePath, List<Campaign> campaigns, List<Campaign> pages,
            List<Term> tags, List<Term> categories) {
        this(language, homePath, campaigns, pages, tags, categories, new Language(language).ownName(),
                new Language(language).direction(), campaigns);
    }

    /** Listed campaigns that still take action, for the home page's first section. */
    public List<Campaign> activeCampaigns() {
        return listed.stream().filter(c -> c.status().isActive()).toList();
    }

    /** Listed campaigns that are closed or won. */
    public List<Campaign> pastCampaigns() {
        return listed.stream().filter(c -> !c.status().isActive()).toList();
    }
}

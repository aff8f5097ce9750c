package io.github.broadside.site;

import io.github.broadside.content.Campaign;
import java.util.List;
import java.util.Objects;

/**
 * Everything published in one language: its campaigns (home-page order: active first, then the
 * rest, newest first), its plain pages, its tags and categories, and the path of its home page.
 */
public record LanguageSite(
        String language,
        String homePath,
        List<Campaign> campaigns,
        List<Campaign> pages,
        List<Term> tags,
        List<Term> categories) {

    public LanguageSite {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(homePath, "homePath");
        campaigns = List.copyOf(campaigns);
        pages = List.copyOf(pages);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }

    public List<Campaign> activeCampaigns() {
        return campaigns.stream().filter(c -> c.status().isActive()).toList();
    }

    public List<Campaign> pastCampaigns() {
        return campaigns.stream().filter(c -> !c.status().isActive()).toList();
    }
}

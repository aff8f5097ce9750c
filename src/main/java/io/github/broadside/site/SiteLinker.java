package io.github.broadside.site;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.Slug;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The link stage: groups parsed campaigns by language, drops drafts unless asked for, finds
 * duplicate or reserved slugs, and builds the tag and category indexes.
 */
public final class SiteLinker {
    /** First URL segments the site itself uses; a campaign with one of these slugs would clash. */
    static final Set<String> RESERVED = Set.of("tags", "categories", "assets", "static", "_broadside",
            "cover-your-tracks");

    private SiteLinker() {
    }

    public static Site link(SiteConfig config, List<String> languages, List<Campaign> parsed, Problems problems) {
        List<String> ordered = new ArrayList<>(languages);
        // The default language first, then the others alphabetically: a stable order for menus and output.
        ordered.sort(Comparator.comparing((String l) -> !l.equals(config.defaultLanguage()))
                .thenComparing(Function.identity()));
        List<LanguageSite> sites = new ArrayList<>();
        for (String language : ordered) {
            List<Campaign> mine = parsed.stream()
                    .filter(c -> c.language().equals(language))
                    .filter(c -> config.drafts() || !c.draft())
                    .toList();
            checkSlugs(mine, languages, problems);
            String home = language.equals(config.defaultLanguage()) ? "/" : "/" + language + "/";
            List<Campaign> campaigns = new ArrayList<>(mine.stream().filter(Campaign::isCampaign).toList());
            campaigns.sort(HOME_ORDER);
            List<Campaign> pages = mine.stream().filter(c -> !c.isCampaign()).toList();
            sites.add(new LanguageSite(language, home, campaigns,
                    pages, terms(campaigns, home + "tags/", Campaign::tags),
                    terms(campaigns, home + "categories/", Campaign::categories)));
        }
        AliasCheck.check(sites, problems);
        return new Site(config, sites);
    }

    /** Active campaigns first, then closed and won; newest first within each; then by title. */
    static final Comparator<Campaign> HOME_ORDER = Comparator
            .comparing((Campaign c) -> !c.status().isActive())
            .thenComparing((Campaign c) -> c.date().orElse(java.time.LocalDate.MIN), Comparator.reverseOrder())
            .thenComparing(Campaign::title)
            .thenComparing(Campaign::file);

    private static void checkSlugs(List<Campaign> campaigns, List<String> languages, Problems problems) {
        Map<String, Campaign> seen = new HashMap<>();
        for (Campaign campaign : campaigns) {
            Campaign other = seen.putIfAbsent(campaign.slug(), campaign);
            if (other != null) {
                problems.add(Problem.error(campaign.file(), 1, 1,
                        "the slug '" + campaign.slug() + "' is already used by " + other.file(),
                        "two pages of one language cannot share an address; set a different 'slug:' in one of them"));
            }
            if (RESERVED.contains(campaign.slug()) || languages.contains(campaign.slug())) {
                problems.add(Problem.error(campaign.file(), 1, 1,
                        "the slug '" + campaign.slug() + "' is reserved for the site's own pages",
                        "choose another 'slug:'; reserved: " + String.join(", ", new java.util.TreeSet<>(RESERVED))
                                + " and the language folder names"));
            }
        }
    }

    private static List<Term> terms(List<Campaign> campaigns, String prefix, Function<Campaign, List<String>> names) {
        // Terms are grouped by slug so that "Asylum" and "asylum" are one tag; the first spelling names it.
        Map<String, String> display = new LinkedHashMap<>();
        Map<String, List<Campaign>> members = new TreeMap<>();
        for (Campaign campaign : campaigns) {
            // A campaign is listed once per term even if it names the term twice; checked per campaign,
            // not by searching the term's list, which grew quadratic with thousands of pages.
            java.util.Set<String> own = new java.util.HashSet<>();
            for (String name : names.apply(campaign)) {
                String slug = Slug.of(name);
                display.putIfAbsent(slug, name);
                if (own.add(slug)) {
                    members.computeIfAbsent(slug, k -> new ArrayList<>()).add(campaign);
                }
            }
        }
        List<Term> terms = new ArrayList<>();
        members.forEach((slug, list) -> terms.add(new Term(display.get(slug), slug, prefix + slug + "/", list)));
        return terms;
    }
}

package io.github.broadside.site;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.ContentHash;
import io.github.broadside.content.Translation;
import io.github.broadside.content.Slug;
import io.github.broadside.i18n.Language;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The link stage: groups parsed campaigns by language, drops drafts unless asked for, finds
 * duplicate or reserved slugs, builds the tag and category indexes, and links the language
 * versions of each page into the site's {@link Translations} (finding stale translations on the way).
 */
public final class SiteLinker {
    /** First URL segments the site itself uses; a campaign with one of these slugs would clash. */
    static final Set<String> RESERVED = Set.of("tags", "categories", "assets", "static", "_broadside",
            "cover-your-tracks", LanguageSite.PAGES_FOLDER);

    private SiteLinker() {
    }

    public static Site link(SiteConfig config, List<String> languages, List<Campaign> parsed, Problems problems) {
        List<String> ordered = languageOrder(config, languages);
        List<Campaign> published = parsed.stream().filter(c -> config.drafts() || !c.draft()).toList();
        Map<String, List<Campaign>> versions = versions(published, ordered, problems);
        List<LanguageSite> sites = new ArrayList<>();
        for (String language : ordered) {
            List<Campaign> mine = published.stream()
                    .filter(c -> c.language().equals(language))
                    .toList();
            checkSlugs(mine, languages, reserved(config, language), problems);
            String home = config.homePath(language);
            List<Campaign> campaigns = new ArrayList<>(mine.stream().filter(Campaign::isCampaign).toList());
            campaigns.sort(HOME_ORDER);
            List<Campaign> pages = mine.stream().filter(c -> !c.isCampaign()).toList();
            List<Campaign> listed = new ArrayList<>(campaigns);
            if (config.localization().showUntranslated()) {
                listed.addAll(untranslated(versions, language, config.defaultLanguage()));
                listed.sort(HOME_ORDER);
            }
            Language tag = new Language(language);
            String name = config.localization().settings(language).name().orElseGet(tag::ownName);
            sites.add(new LanguageSite(language, home, campaigns,
                    pages, terms(campaigns, home + "tags/", Campaign::tags),
                    terms(campaigns, home + "categories/", Campaign::categories), name, tag.direction(), listed));
        }
        AliasCheck.check(sites, problems);
        return new Site(config, sites, new Translations(config, sites, versions, stale(parsed)));
    }

    /**
     * Whether the link stage sees {@code a} and {@code b} alike but for their place in lists and
     * terms: the same file, language, kind, address, aliases, draft flag, translation links and
     * recorded version, and whether it has actions and a quick exit. Their text (title, summary,
     * body, updates, actions...), status, date, tags, categories and own content hash may differ.
     * {@link #replace} patches a site for versions that link alike.
     */
    public static boolean linksAlike(Campaign a, Campaign b) {
        Translation ta = a.translation();
        Translation tb = b.translation();
        return a.file().equals(b.file()) && a.sourcePath().equals(b.sourcePath())
                && a.language().equals(b.language()) && a.kind() == b.kind() && a.slug().equals(b.slug())
                && a.path().equals(b.path()) && a.draft() == b.draft()
                && a.aliases().equals(b.aliases()) && a.quickExit() == b.quickExit()
                && a.actions().isEmpty() == b.actions().isEmpty()
                && ta.key().equals(tb.key()) && ta.source().equals(tb.source())
                && ta.recordedHash().equals(tb.recordedHash()) && ta.line() == tb.line()
                && ta.column() == tb.column();
    }

    /**
     * Whether {@code a} and {@code b} (versions of one file) take the same place in the lists of
     * campaigns: home page (and its active and past sections), tag and category pages.
     */
    public static boolean sameListPlace(Campaign a, Campaign b) {
        return HOME_ORDER.compare(a, b) == 0 && a.status().isActive() == b.status().isActive();
    }

    /**
     * {@code site} with published pages replaced by new versions that {@linkplain #linksAlike link
     * alike} (keys: the instances in {@code site}, compared by identity), without linking everything
     * again: the same languages and translations, holding the new versions, with campaign lists
     * sorted again when a replaced campaign moved in them ({@link #sameListPlace}) and terms gained
     * or lost (empty when a language gains its first or loses its last tag or category: the
     * translations of the indexes change then, and the caller links everything instead). The link
     * problems of {@code site} stand as they were, except staleness: the pages in {@code recheck}
     * (parsed pages, drafts included: at least the replaced pages and every translation of one) are
     * checked again against their sources, which {@code parsed} finds by content path.
     */
    public static Optional<Site> replace(Site site, Map<Campaign, Campaign> replacements,
            Collection<Campaign> recheck, Function<String, Optional<Campaign>> parsed) {
        // Only the lists that hold a replaced page are copied; a page is found in a sorted list by
        // binary search, since home order is a total order (it ends with the file name).
        List<LanguageSite> sites = new ArrayList<>();
        for (LanguageSite l : site.languages()) {
            List<Campaign> campaigns = l.campaigns();
            List<Campaign> pages = l.pages();
            List<Campaign> listed = l.listed();
            List<Term> tags = l.tags();
            List<Term> categories = l.categories();
            for (Map.Entry<Campaign, Campaign> replacement : replacements.entrySet()) {
                Campaign old = replacement.getKey();
                Campaign now = replacement.getValue();
                boolean mine = old.language().equals(l.language());
                if (old.isCampaign()) {
                    listed = swapSorted(listed, old, now);
                    if (mine) {
                        campaigns = swapSorted(campaigns, old, now);
                        tags = swapTerms(tags, old, now, Campaign::tags, l.homePath() + "tags/");
                        categories = swapTerms(categories, old, now, Campaign::categories,
                                l.homePath() + "categories/");
                    }
                } else if (mine) {
                    pages = pages.stream().map(c -> c == old ? now : c).toList();
                }
            }
            if (tags.isEmpty() != l.tags().isEmpty() || categories.isEmpty() != l.categories().isEmpty()) {
                return Optional.empty(); // a tag or category index appears or goes: its translations change
            }
            sites.add(new LanguageSite(l.language(), l.homePath(), campaigns, pages, tags, categories, l.name(),
                    l.dir(), listed));
        }
        Set<String> rechecked = new HashSet<>();
        recheck.forEach(c -> rechecked.add(c.contentPath()));
        List<StaleTranslation> stale = new ArrayList<>();
        site.translations().stale().stream().filter(s -> !rechecked.contains(s.translation().contentPath()))
                .forEach(stale::add);
        recheck.forEach(c -> staleness(c, parsed).ifPresent(stale::add));
        stale.sort(Comparator.comparing((StaleTranslation s) -> s.translation().contentPath()));
        return Optional.of(new Site(site.config(), sites, site.translations().replacing(replacements, sites, stale)));
    }

    /**
     * The order of languages in menus and output: those site.yml lists under {@code languages:}, in
     * its order; then the default language; then the others alphabetically.
     */
    static List<String> languageOrder(SiteConfig config, List<String> languages) {
        List<String> configured = config.localization().languages().stream().map(l -> l.tag()).toList();
        List<String> ordered = new ArrayList<>(languages);
        ordered.sort(Comparator.comparing((String l) -> configured.contains(l) ? configured.indexOf(l)
                        : configured.size())
                .thenComparing((String l) -> !l.equals(config.defaultLanguage()))
                .thenComparing(Function.identity()));
        return ordered;
    }

    /** Published pages by translation key; a second version in one language is an error and left out. */
    private static Map<String, List<Campaign>> versions(List<Campaign> published, List<String> ordered,
            Problems problems) {
        Map<String, List<Campaign>> grouped = Translations.group(published, ordered);
        grouped.replaceAll((key, list) -> {
            List<Campaign> kept = new ArrayList<>();
            for (Campaign campaign : list) {
                Campaign other = kept.stream().filter(c -> c.language().equals(campaign.language())).findFirst()
                        .orElse(null);
                if (other == null) {
                    kept.add(campaign);
                    continue;
                }
                Campaign later = other.file().compareTo(campaign.file()) < 0 ? campaign : other;
                Campaign earlier = later == campaign ? other : campaign;
                problems.add(Problem.error(later.file(), 1, 1,
                        "this page and " + earlier.file() + " are both the '" + campaign.language()
                                + "' version of '" + key + "'",
                        "one language has one version of a page: give one of them its own 'translationKey:', "
                                + "or remove it"));
            }
            return List.copyOf(kept);
        });
        return grouped;
    }

    /** One version (the default language's, else the first) of each campaign that has none in {@code language}. */
    private static List<Campaign> untranslated(Map<String, List<Campaign>> versions, String language,
            String defaultLanguage) {
        List<Campaign> out = new ArrayList<>();
        for (List<Campaign> group : versions.values()) {
            if (group.stream().anyMatch(c -> c.language().equals(language))) {
                continue;
            }
            group.stream().filter(c -> c.language().equals(defaultLanguage)).findFirst()
                    .or(() -> group.stream().findFirst())
                    .filter(Campaign::isCampaign)
                    .ifPresent(out::add);
        }
        return out;
    }

    /** {@code list} (in home order) with {@code old} replaced by {@code now} in its place in that order. */
    private static List<Campaign> swapSorted(List<Campaign> list, Campaign old, Campaign now) {
        int at = Collections.binarySearch(list, old, HOME_ORDER);
        if (at < 0 || list.get(at) != old) {
            return list;
        }
        List<Campaign> out = new ArrayList<>(list);
        if (sameListPlace(old, now)) {
            out.set(at, now);
            return out;
        }
        out.remove(at);
        int to = Collections.binarySearch(out, now, HOME_ORDER);
        out.add(to < 0 ? -to - 1 : to, now);
        return out;
    }

    /**
     * {@code terms} (in slug order) with {@code old} taken out of the terms it was filed under and
     * {@code now} put into its own, in home order; terms left empty go, new ones get {@code prefix}.
     */
    private static List<Term> swapTerms(List<Term> terms, Campaign old, Campaign now,
            Function<Campaign, List<String>> names, String prefix) {
        Set<String> before = slugsOf(names.apply(old));
        Set<String> after = slugsOf(names.apply(now));
        if (before.isEmpty() && after.isEmpty()) {
            return terms;
        }
        Map<String, Term> bySlug = new TreeMap<>();
        terms.forEach(t -> bySlug.put(t.slug(), t));
        Set<String> touched = new TreeSet<>(before);
        touched.addAll(after);
        for (String slug : touched) {
            Term term = bySlug.get(slug);
            List<Campaign> members = term == null ? new ArrayList<>() : new ArrayList<>(term.campaigns());
            int at = Collections.binarySearch(members, old, HOME_ORDER);
            if (at >= 0 && members.get(at) == old) {
                members.remove(at);
            }
            if (after.contains(slug)) {
                int to = Collections.binarySearch(members, now, HOME_ORDER);
                members.add(to < 0 ? -to - 1 : to, now);
            }
            if (members.isEmpty()) {
                bySlug.remove(slug);
            } else {
                // The first spelling in list order names a term: after a move it may be another page's.
                bySlug.put(slug, new Term(spelling(members.get(0), slug, names), slug,
                        term == null ? prefix + slug + "/" : term.path(), members));
            }
        }
        return List.copyOf(bySlug.values());
    }

    /** The slugs of term names, as {@link #terms} groups them. */
    public static Set<String> slugsOf(List<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(name -> out.add(Slug.of(name)));
        return out;
    }

    /** How {@code campaign} spells the term {@code slug} among its {@code names} (tags or categories). */
    private static String spelling(Campaign campaign, String slug, Function<Campaign, List<String>> names) {
        return names.apply(campaign).stream().filter(name -> Slug.of(name).equals(slug)).findFirst().orElseThrow();
    }

    /** Translations, drafts included, whose recorded source version is not the source's current one. */
    private static List<StaleTranslation> stale(List<Campaign> parsed) {
        Map<String, Campaign> byPath = new HashMap<>();
        parsed.forEach(c -> byPath.put(c.contentPath(), c));
        List<StaleTranslation> out = new ArrayList<>();
        for (Campaign campaign : parsed) {
            staleness(campaign, path -> Optional.ofNullable(byPath.get(path))).ifPresent(out::add);
        }
        return out;
    }

    /** {@code campaign} as a stale translation, when it records a version of its source that is not the current one. */
    private static Optional<StaleTranslation> staleness(Campaign campaign, Function<String, Optional<Campaign>> parsed) {
        Translation translation = campaign.translation();
        if (translation.source().isEmpty() || translation.recordedHash().isEmpty()) {
            return Optional.empty();
        }
        return parsed.apply(translation.source().get())
                .filter(source -> !ContentHash.matches(translation.recordedHash().get(),
                        source.translation().contentHash()))
                .map(source -> new StaleTranslation(campaign, source));
    }

    /** Active campaigns first, then closed and won; newest first within each; then by title. */
    static final Comparator<Campaign> HOME_ORDER = Comparator
            .comparing((Campaign c) -> !c.status().isActive())
            .thenComparing((Campaign c) -> c.date().orElse(java.time.LocalDate.MIN), Comparator.reverseOrder())
            .thenComparing(Campaign::title)
            .thenComparing(Campaign::file);

    /**
     * The first address segments a page of {@code language} may not take: the site's own folders, and
     * {@code admin} at the root when site.yml publishes the browser editor there.
     */
    static Set<String> reserved(SiteConfig config, String language) {
        if (config.browserEditor().isEmpty() || !config.homePath(language).equals("/")) {
            return RESERVED;
        }
        Set<String> out = new java.util.HashSet<>(RESERVED);
        out.add("admin");
        return Set.copyOf(out);
    }

    private static void checkSlugs(List<Campaign> campaigns, List<String> languages, Set<String> reserved,
            Problems problems) {
        Map<String, Campaign> seen = new HashMap<>();
        for (Campaign campaign : campaigns) {
            Campaign other = seen.putIfAbsent(campaign.slug(), campaign);
            if (other != null) {
                problems.add(Problem.error(campaign.file(), 1, 1,
                        "the slug '" + campaign.slug() + "' is already used by " + other.file(),
                        "two pages of one language cannot share an address; set a different 'slug:' in one of them"));
            }
            if (reserved.contains(campaign.slug()) || languages.contains(campaign.slug())) {
                problems.add(Problem.error(campaign.file(), 1, 1,
                        "the slug '" + campaign.slug() + "' is reserved for the site's own pages",
                        "choose another 'slug:'; reserved: " + String.join(", ", new java.util.TreeSet<>(reserved))
                                + " and the language folder names"));
            }
        }
    }

    private static List<Term> terms(List<Campaign> campaigns, String prefix, Function<Campaign, List<String>> names) {
        // Terms are grouped by slug so that "Asylum" and "asylum" are one tag; the first spelling names it.
        Map<String, String> display = new LinkedHashMap<>();
        Map<String, List<Campaign>> members = new TreeMap<>();
        // Thousands of pages share a few dozen terms: each spelling is turned into a slug once.
        Map<String, String> slugs = new HashMap<>();
        for (Campaign campaign : campaigns) {
            // A campaign is listed once per term even if it names the term twice; checked per campaign,
            // not by searching the term's list, which grew quadratic with thousands of pages.
            java.util.Set<String> own = new java.util.HashSet<>();
            for (String name : names.apply(campaign)) {
                String slug = slugs.computeIfAbsent(name, Slug::of);
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

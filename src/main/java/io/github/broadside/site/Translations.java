package io.github.broadside.site;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translation graph of a site, made by the link stage: which published pages are language
 * versions of one another, which translations are stale, and for any page path its alternates in
 * other languages. The hreflang links, the language switcher and the sitemap all read it, so they
 * agree: every version of a page lists the same set, itself included, which makes them reciprocal.
 *
 * <p>Versions of a campaign or plain page share a translation key. Home pages are versions of one
 * another, and so are the tag and category indexes; a tag's own page has no versions (tags are
 * named per language).
 */
public final class Translations {
    private final SiteConfig config;
    private final List<LanguageSite> languages;
    private final Layered<List<Campaign>> versionsByKey;
    private final Layered<Campaign> byContentPath;
    // Filled by the constructor and never changed after: translations patched by replacing() share them.
    private final Map<String, List<Alternate>> alternatesByPath;
    private final Map<String, String> xDefaultByPath;
    private final Map<String, StaleTranslation> staleByPath = new LinkedHashMap<>();

    /**
     * @param languages     the published languages in site order
     * @param versionsByKey published versions of each page by translation key, in site language order
     * @param stale         stale translations, published or not
     */
    Translations(SiteConfig config, List<LanguageSite> languages, Map<String, List<Campaign>> versionsByKey,
            List<StaleTranslation> stale) {
        this.config = config;
        this.languages = List.copyOf(languages);
        this.versionsByKey = new Layered<>(Map.copyOf(versionsByKey), Map.of());
        Map<String, Campaign> byPath = new HashMap<>();
        this.byContentPath = new Layered<>(byPath, Map.of());
        this.alternatesByPath = new HashMap<>();
        this.xDefaultByPath = new HashMap<>();
        for (StaleTranslation s : stale) {
            staleByPath.put(s.translation().contentPath(), s);
        }
        for (List<Campaign> versions : versionsByKey.values()) {
            List<Alternate> alternates = versions.stream().map(this::alternate).toList();
            String xDefault = versions.stream().filter(c -> c.language().equals(config.defaultLanguage()))
                    .findFirst().orElse(versions.get(0)).path();
            for (Campaign version : versions) {
                byPath.put(version.contentPath(), version);
                alternatesByPath.put(version.path(), alternates);
                xDefaultByPath.put(version.path(), xDefault);
            }
        }
        List<Alternate> homes = this.languages.stream().map(l -> alternate(l, l.homePath())).toList();
        String homeDefault = config.localization().defaultLanguageInSubfolder() ? "/"
                : config.homePath(config.defaultLanguage());
        for (Alternate home : homes) {
            alternatesByPath.put(home.path(), homes);
            xDefaultByPath.put(home.path(), homeDefault);
        }
        if (config.localization().defaultLanguageInSubfolder()) {
            // The language chooser at the root is the x-default of every home page.
            alternatesByPath.put("/", homes);
            xDefaultByPath.put("/", "/");
        }
        index(l -> !l.tags().isEmpty(), "tags/");
        index(l -> !l.categories().isEmpty(), "categories/");
    }

    /**
     * These translations with pages replaced by new versions (keys, by identity) that keep their
     * translation key, language and path, over {@code languages} (the patched language sites) and
     * with {@code stale} as the stale translations now. Only the replaced pages' entries are redone.
     */
    Translations replacing(Map<Campaign, Campaign> replacements, List<LanguageSite> languages,
            List<StaleTranslation> stale) {
        return new Translations(this, replacements, languages, stale);
    }

    private Translations(Translations from, Map<Campaign, Campaign> replacements, List<LanguageSite> languages,
            List<StaleTranslation> stale) {
        this.config = from.config;
        this.languages = List.copyOf(languages);
        this.alternatesByPath = from.alternatesByPath;
        this.xDefaultByPath = from.xDefaultByPath;
        Map<String, List<Campaign>> versions = new HashMap<>();
        Map<String, Campaign> byPath = new HashMap<>();
        for (Map.Entry<Campaign, Campaign> swap : replacements.entrySet()) {
            String key = swap.getKey().translation().key();
            List<Campaign> list = versions.getOrDefault(key, from.versionsByKey.get(key));
            if (list != null) {
                versions.put(key, list.stream().map(c -> c == swap.getKey() ? swap.getValue() : c).toList());
            }
            String path = swap.getValue().contentPath();
            if (from.byContentPath.get(path) == swap.getKey()) {
                byPath.put(path, swap.getValue());
            }
        }
        this.versionsByKey = from.versionsByKey.with(versions);
        this.byContentPath = from.byContentPath.with(byPath);
        for (StaleTranslation s : stale) {
            staleByPath.put(s.translation().contentPath(), s);
        }
    }

    /** No translations: every page stands alone (a site assembled by hand, e.g. in a test). */
    static Translations none(SiteConfig config, List<LanguageSite> languages) {
        return new Translations(config, languages, Map.of(), List.of());
    }

    private void index(java.util.function.Predicate<LanguageSite> has, String suffix) {
        List<Alternate> indexes = languages.stream().filter(has).map(l -> alternate(l, l.homePath() + suffix))
                .toList();
        if (indexes.isEmpty()) {
            return;
        }
        String xDefault = indexes.stream().filter(a -> a.language().equals(config.defaultLanguage())).findFirst()
                .orElse(indexes.get(0)).path();
        for (Alternate index : indexes) {
            alternatesByPath.put(index.path(), indexes);
            xDefaultByPath.put(index.path(), xDefault);
        }
    }

    private Alternate alternate(Campaign campaign) {
        LanguageSite lang = language(campaign.language());
        return new Alternate(lang.language(), lang.name(), lang.dir(), campaign.path());
    }

    private static Alternate alternate(LanguageSite lang, String path) {
        return new Alternate(lang.language(), lang.name(), lang.dir(), path);
    }

    private LanguageSite language(String tag) {
        return languages.stream().filter(l -> l.language().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a language of the site: " + tag));
    }

    /**
     * Every published language version of {@code campaign}, itself included, in the site's language
     * order. A page without translations is its only version.
     */
    public List<Campaign> versionsOf(Campaign campaign) {
        List<Campaign> versions = versionsByKey.get(campaign.translation().key());
        return versions != null && versions.contains(campaign) ? versions : List.of(campaign);
    }

    /** The published version of {@code campaign} in {@code language}, if there is one. */
    public Optional<Campaign> version(Campaign campaign, String language) {
        return versionsOf(campaign).stream().filter(c -> c.language().equals(language)).findFirst();
    }

    /** The published page at {@code contentPath} ({@code en/x.md}), if it is published. */
    public Optional<Campaign> published(String contentPath) {
        return Optional.ofNullable(byContentPath.get(contentPath));
    }

    /** The published page {@code campaign} was translated from, if it is a translation. */
    public Optional<Campaign> sourceOf(Campaign campaign) {
        return campaign.translation().source().map(byContentPath::get);
    }

    /** Every stale translation (drafts included), in file order. */
    public List<StaleTranslation> stale() {
        return List.copyOf(staleByPath.values());
    }

    /** Whether {@code campaign} is a stale translation, and of what. */
    public Optional<StaleTranslation> staleness(Campaign campaign) {
        return Optional.ofNullable(staleByPath.get(campaign.contentPath()));
    }

    /**
     * The language versions of the page at {@code path} (a campaign, a plain page, a home page, a
     * tag or category index), itself included, in site language order; a page without versions
     * gets itself alone, in {@code language}.
     */
    public List<Alternate> alternatesOf(String path, String language) {
        List<Alternate> alternates = alternatesByPath.get(path);
        if (alternates != null) {
            return alternates;
        }
        return List.of(alternate(language(language), path));
    }

    /**
     * The page for readers whose language has no version ({@code hreflang="x-default"}): the default
     * language's version, else the first in site order; the root language chooser for home pages when
     * the default language has its own folder.
     */
    public String xDefaultOf(String path) {
        return xDefaultByPath.getOrDefault(path, path);
    }

    /**
     * {@code path} as a page of {@code language} should link to it: a page of another language that
     * has a version in {@code language} becomes that version (home pages and tag indexes included);
     * anything else, and external links, stay as they are. When the default language has its own
     * folder, a path written without it ({@code /privacy/}) is read as the default language's.
     */
    public String localize(String path, String language) {
        List<Alternate> alternates = alternatesByPath.get(path);
        if (alternates == null && config.localization().defaultLanguageInSubfolder() && path.startsWith("/")) {
            // Links written for a default language at the root (/privacy/) still find its folder (/en/privacy/).
            alternates = alternatesByPath.get("/" + config.defaultLanguage() + path);
        }
        if (alternates == null) {
            return path;
        }
        return alternates.stream().filter(a -> a.language().equals(language)).findFirst().map(Alternate::path)
                .orElse(path);
    }

    /** Every key with its versions, in key order: the translation status report's rows. */
    public Map<String, List<Campaign>> all() {
        Map<String, List<Campaign>> out = new java.util.TreeMap<>(versionsByKey.merged());
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Published pages by translation key, grouped in the order of {@code languageOrder}. */
    static Map<String, List<Campaign>> group(List<Campaign> published, List<String> languageOrder) {
        Map<String, List<Campaign>> out = new LinkedHashMap<>();
        for (Campaign campaign : published) {
            out.computeIfAbsent(campaign.translation().key(), k -> new ArrayList<>()).add(campaign);
        }
        out.replaceAll((key, list) -> list.stream()
                .sorted(java.util.Comparator.comparingInt((Campaign c) -> languageOrder.indexOf(c.language())))
                .toList());
        return out;
    }

    /**
     * A read-only map made of a large base and the few entries patched since, so that patching a
     * 10,000-page site after an edit copies only what changed. Both maps are never changed after.
     */
    private record Layered<V>(Map<String, V> base, Map<String, V> patched) {
        /** Past this many patched entries, patching merges them into a new base. */
        private static final int MAX_PATCHED = 256;

        V get(String key) {
            V value = patched.get(key);
            return value != null ? value : base.get(key);
        }

        Layered<V> with(Map<String, V> changes) {
            if (changes.isEmpty()) {
                return this;
            }
            Map<String, V> next = new HashMap<>(patched);
            next.putAll(changes);
            return next.size() > MAX_PATCHED ? new Layered<>(merge(base, next), Map.of()) : new Layered<>(base, next);
        }

        Map<String, V> merged() {
            return patched.isEmpty() ? base : merge(base, patched);
        }

        private static <V> Map<String, V> merge(Map<String, V> base, Map<String, V> patched) {
            Map<String, V> out = new HashMap<>(base);
            out.putAll(patched);
            return out;
        }
    }
}

package io.github.broadside.publish;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.render.Page;
import io.github.broadside.site.Alternate;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.Term;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code sitemap.xml} and {@code robots.txt}: every published page with the date its content last
 * changed (never the build time) and, once the site has more than one language, the
 * {@code hreflang} alternates of each page. A site with more than {@value #MAX_URLS} pages gets a
 * sitemap index pointing at numbered sitemaps, as the protocol requires.
 *
 * <p>Alternates come from the site's translation graph ({@link Site#alternatesOf}), the one the
 * pages' own hreflang links use: translations by file path or by {@code translationKey}, and the
 * language home pages.
 */
public final class SitemapWriter {
    public static final String PATH = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** The sitemap protocol's limit of URLs in one file. */
    public static final int MAX_URLS = 50_000;
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final SiteConfig config;
    private final int maxUrls;

    public SitemapWriter(SiteConfig config) {
        this(config, MAX_URLS);
    }

    SitemapWriter(SiteConfig config, int maxUrls) {
        this.config = Objects.requireNonNull(config, "config");
        if (maxUrls < 1) {
            throw new IllegalArgumentException("maxUrls must be at least 1");
        }
        this.maxUrls = maxUrls;
    }

    /**
     * One page in the sitemap.
     *
     * @param alternates language tag to site path of each translation, this page included; empty
     *                   when the page has none
     */
    public record Entry(String sitePath, Optional<LocalDate> lastModified, Map<String, String> alternates) {
        public Entry {
            Objects.requireNonNull(sitePath, "sitePath");
            Objects.requireNonNull(lastModified, "lastModified");
            alternates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alternates));
        }
    }

    /**
     * The pages of {@code site} that belong in a sitemap: homes, campaigns, pages, tag and category
     * pages. Alternates come from the site's translation graph, the same one the pages' hreflang
     * links use, so a translation with its own slug or file name is still linked.
     */
    public static List<Entry> entries(Site site) {
        List<Entry> entries = new ArrayList<>();
        for (LanguageSite lang : site.languages()) {
            entries.add(new Entry(lang.homePath(), latest(lang.campaigns()), alternates(site, lang.homePath(), lang)));
            for (Campaign c : Stream.concat(lang.campaigns().stream(), lang.pages().stream()).toList()) {
                entries.add(new Entry(c.path(), lastModified(c), alternates(site, c.path(), lang)));
            }
            terms(entries, lang, lang.tags(), "tags/");
            terms(entries, lang, lang.categories(), "categories/");
        }
        entries.sort(Comparator.comparing(Entry::sitePath));
        return entries;
    }

    private static void terms(List<Entry> entries, LanguageSite lang, List<Term> terms, String folder) {
        if (terms.isEmpty()) {
            return;
        }
        entries.add(new Entry(lang.homePath() + folder,
                latest(terms.stream().flatMap(t -> t.campaigns().stream()).toList()), Map.of()));
        for (Term term : terms) {
            entries.add(new Entry(term.path(), latest(term.campaigns()), Map.of()));
        }
    }

    /** Language to path of each version of the page at {@code path}; empty when it has no other version. */
    private static Map<String, String> alternates(Site site, String path, LanguageSite lang) {
        List<Alternate> versions = site.alternatesOf(path, lang.language());
        if (versions.size() < 2) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        versions.forEach(v -> out.put(v.language(), v.path()));
        return out;
    }

    /** When a campaign last changed: its newest update, or its date. */
    public static Optional<LocalDate> lastModified(Campaign campaign) {
        Optional<LocalDate> newestUpdate = campaign.updates().stream().map(u -> u.date())
                .max(Comparator.naturalOrder());
        return Stream.of(campaign.date(), newestUpdate).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private static Optional<LocalDate> latest(List<Campaign> campaigns) {
        return campaigns.stream().map(SitemapWriter::lastModified).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** {@code sitemap.xml}, or an index and {@code sitemap-1.xml}, {@code sitemap-2.xml} ... when large. */
    public List<Page> write(List<Entry> entries) {
        if (entries.size() <= maxUrls) {
            return List.of(new Page(PATH, urlset(entries)));
        }
        List<Page> pages = new ArrayList<>();
        XmlWriter index = new XmlWriter().open("sitemapindex", "xmlns", NS);
        for (int from = 0, n = 1; from < entries.size(); from += maxUrls, n++) {
            String name = "sitemap-" + n + ".xml";
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + maxUrls));
            pages.add(new Page(name, urlset(part)));
            index.open("sitemap").element("loc", absolute(name));
            latestOf(part).ifPresent(d -> index.element("lastmod", d.toString()));
            index.close("sitemap");
        }
        pages.add(0, new Page(PATH, index.close("sitemapindex").bytes()));
        return pages;
    }

    private static Optional<LocalDate> latestOf(List<Entry> entries) {
        return entries.stream().map(Entry::lastModified).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private byte[] urlset(List<Entry> entries) {
        boolean languages = entries.stream().anyMatch(e -> !e.alternates().isEmpty());
        XmlWriter xml = languages ? new XmlWriter().open("urlset", "xmlns", NS, "xmlns:xhtml", XHTML)
                : new XmlWriter().open("urlset", "xmlns", NS);
        for (Entry entry : entries) {
            xml.open("url").element("loc", absolute(entry.sitePath()));
            entry.lastModified().ifPresent(d -> xml.element("lastmod", d.toString()));
            for (Map.Entry<String, String> alternate : entry.alternates().entrySet()) {
                xml.empty("xhtml:link", "rel", "alternate", "hreflang", alternate.getKey(),
                        "href", absolute(alternate.getValue()));
            }
            String fallback = entry.alternates().get(config.defaultLanguage());
            if (fallback != null) {
                xml.empty("xhtml:link", "rel", "alternate", "hreflang", "x-default", "href", absolute(fallback));
            }
            xml.close("url");
        }
        return xml.close("urlset").bytes();
    }

    /** {@code robots.txt}: everything may be crawled; where the sitemap is. */
    public Page robots() {
        String text = "User-agent: *\nAllow: /\n\nSitemap: " + absolute(PATH) + "\n";
        return new Page(ROBOTS, text.getBytes(StandardCharsets.UTF_8));
    }

    private String absolute(String sitePath) {
        return ascii(config.absoluteUrl(sitePath));
    }

    /** An address with non-ASCII characters and spaces percent-encoded (UTF-8), as sitemaps and feeds need. */
    static String ascii(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x7e || c <= 0x20) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}

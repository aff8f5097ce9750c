package io.github.broadside.publish;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.Update;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.render.Page;
import io.github.broadside.site.LanguageSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Atom feed of one language ({@code feed.xml} in the language's home folder): its campaigns and
 * their dated updates, newest first, at most {@value #MAX_ENTRIES} entries. Every date comes from the
 * content (a campaign's date, an update's date), never from the clock, so the same content always
 * gives the same feed.
 */
public final class AtomFeed {
    public static final String FILE = "feed.xml";
    static final String NS = "http://www.w3.org/2005/Atom";
    /** Readers fetch the feed often; the newest entries are all they need. */
    static final int MAX_ENTRIES = 50;

    private final SiteConfig config;
    private final MarkdownRenderer markdown;
    private final Messages messages;

    public AtomFeed(SiteConfig config, MarkdownRenderer markdown, Messages messages) {
        this.config = Objects.requireNonNull(config, "config");
        this.markdown = Objects.requireNonNull(markdown, "markdown");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The site path of {@code lang}'s feed. */
    public static String sitePath(LanguageSite lang) {
        return lang.homePath() + FILE;
    }

    /** {@code markdown} is rendered only for the entries the feed shows, not for every campaign. */
    private record Entry(String id, String title, String link, LocalDate published, LocalDate updated,
            String author, List<String> categories, String summary, String markdown) {
    }

    /** Writes {@code lang}'s feed. */
    public Page write(LanguageSite lang) {
        // The language's own title and description from site.yml's languages: block, when it has them.
        SiteConfig local = config.localized(lang.language(), path -> path);
        List<Entry> entries = new ArrayList<>();
        for (Campaign campaign : lang.campaigns()) {
            String url = absolute(campaign.path());
            LocalDate date = campaign.date().orElse(LocalDate.EPOCH);
            String author = campaign.organization().isEmpty() ? siteAuthor(local) : campaign.organization();
            List<String> categories = new ArrayList<>(campaign.categories());
            categories.addAll(campaign.tags());
            entries.add(new Entry(url, campaign.title(), url, date,
                    SitemapWriter.lastModified(campaign).orElse(date), author, categories, campaign.summary(),
                    campaign.body()));
            for (Update update : campaign.updates()) {
                String title = messages.format(lang.language(), "feed.update",
                        Map.of("title", campaign.title(), "date", update.date().toString()));
                entries.add(new Entry(url + "#update-" + update.date(), title, url + "#updates-heading",
                        update.date(), update.date(), author, List.of(), "", update.text()));
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
        // Two updates of one campaign on one day would share an id; number the later ones.
        List<Entry> unique = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Entry entry : entries) {
            String id = entry.id();
            for (int n = 2; !ids.add(id); n++) {
                id = entry.id() + "-" + n;
            }
            unique.add(new Entry(id, entry.title(), entry.link(), entry.published(), entry.updated(), entry.author(),
                    entry.categories(), entry.summary(), entry.markdown()));
        }
        List<Entry> shown = unique.subList(0, Math.min(MAX_ENTRIES, unique.size()));
        LocalDate updated = shown.stream().map(Entry::updated).max(Comparator.naturalOrder())
                .orElse(LocalDate.EPOCH);

        String home = absolute(lang.homePath());
        XmlWriter xml = new XmlWriter().open("feed", "xmlns", NS, "xml:lang", lang.language());
        xml.element("id", home)
                .element("title", local.title());
        if (!local.description().isEmpty()) {
            xml.element("subtitle", local.description());
        }
        xml.element("updated", timestamp(updated))
                .empty("link", "rel", "self", "type", "application/atom+xml", "href", absolute(sitePath(lang)))
                .empty("link", "rel", "alternate", "type", "text/html", "href", home);
        xml.open("author").element("name", siteAuthor(local));
        if (!config.organizationUrl().isEmpty()) {
            xml.element("uri", config.organizationUrl());
        }
        xml.close("author");
        xml.element("generator", "Broadside");
        for (Entry entry : shown) {
            xml.open("entry")
                    .element("id", entry.id())
                    .element("title", entry.title())
                    .empty("link", "rel", "alternate", "type", "text/html", "href", entry.link())
                    .element("published", timestamp(entry.published()))
                    .element("updated", timestamp(entry.updated()));
            xml.open("author").element("name", entry.author()).close("author");
            for (String category : entry.categories()) {
                xml.empty("category", "term", category);
            }
            if (!entry.summary().isEmpty()) {
                xml.element("summary", entry.summary());
            }
            String html = markdown.toHtml(entry.markdown());
            if (!html.isEmpty()) {
                xml.element("content", html, "type", "html", "xml:base", entry.link());
            }
            xml.close("entry");
        }
        return new Page(sitePath(lang).substring(1), xml.close("feed").bytes());
    }

    private static String siteAuthor(SiteConfig local) {
        return local.organization().isEmpty() ? local.title() : local.organization();
    }

    private String absolute(String sitePath) {
        return SitemapWriter.ascii(config.absoluteUrl(sitePath));
    }

    /** A content date as an RFC 3339 timestamp at the start of the day, UTC. */
    static String timestamp(LocalDate date) {
        return date + "T00:00:00Z";
    }
}

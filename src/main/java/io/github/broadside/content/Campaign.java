package io.github.broadside.content;

import io.github.broadside.config.Link;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated content file: a campaign (or a plain page) in one language, as the parse stage
 * read it from its front matter. The Markdown body is kept as written; the render stage turns it
 * into HTML. Optional parts are {@link Optional} or empty; text that was not given is "".
 *
 * @param file        the file as shown to users, e.g. {@code content/en/stop-the-raids.md}
 * @param sourcePath  the path inside the language folder, e.g. {@code stop-the-raids.md}
 * @param path        the page's site path, e.g. {@code /stop-the-raids/} or {@code /es/alto/}
 * @param bodyLine    the file line on which the Markdown body starts
 * @param aliases     earlier site paths of this page ({@code /old-slug/}, {@code /es/viejo/}), each
 *                    published as a redirect to {@link #path()}
 * @param translation its translation key, source and versions (see {@link Translation})
 * @param aliasLines  the line of each alias in {@link #file()} (absent or 0 when unknown), so that
 *                    the link and publish stages report a refused alias at its own line
 */
public record Campaign(
        String file,
        String sourcePath,
        String language,
        PageKind kind,
        String slug,
        String path,
        String title,
        Optional<LocalDate> date,
        Status status,
        String summary,
        String organization,
        Optional<Image> image,
        List<String> tags,
        List<String> categories,
        boolean draft,
        List<Action> actions,
        List<Update> updates,
        Optional<Quote> quote,
        Optional<Donate> donate,
        List<Link> links,
        List<String> hashtags,
        List<String> handles,
        boolean quickExit,
        String body,
        int bodyLine,
        List<String> aliases,
        Translation translation,
        java.util.Map<String, Integer> aliasLines) {

    public Campaign {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(image, "image");
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        actions = List.copyOf(actions);
        updates = List.copyOf(updates);
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(donate, "donate");
        links = List.copyOf(links);
        hashtags = List.copyOf(hashtags);
        handles = List.copyOf(handles);
        Objects.requireNonNull(body, "body");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(translation, "translation");
        aliasLines = java.util.Map.copyOf(aliasLines);
    }

    /** A campaign whose aliases' lines are not known. */
    public Campaign(String file, String sourcePath, String language, PageKind kind, String slug, String path,
            String title, Optional<LocalDate> date, Status status, String summary, String organization,
            Optional<Image> image, List<String> tags, List<String> categories, boolean draft, List<Action> actions,
            List<Update> updates, Optional<Quote> quote, Optional<Donate> donate, List<Link> links,
            List<String> hashtags, List<String> handles, boolean quickExit, String body, int bodyLine,
            List<String> aliases, Translation translation) {
        this(file, sourcePath, language, kind, slug, path, title, date, status, summary, organization, image, tags,
                categories, draft, actions, updates, quote, donate, links, hashtags, handles, quickExit, body, bodyLine,
                aliases, translation, java.util.Map.of());
    }

    /** The same page with {@code newTranslation} (the parse stage adds what a translation inherits). */
    public Campaign withTranslation(Translation newTranslation) {
        return new Campaign(file, sourcePath, language, kind, slug, path, title, date, status, summary, organization,
                image, tags, categories, draft, actions, updates, quote, donate, links, hashtags, handles, quickExit,
                body, bodyLine, aliases, newTranslation, aliasLines);
    }

    /** The language {@code text} is in when this page shows it inherited from its source; empty otherwise. */
    public Optional<String> inheritedLanguage(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return translation.inheritedText().stream().filter(t -> t.text().equals(text))
                .map(InheritedText::language).filter(l -> !l.equals(language)).findFirst();
    }

    /** The line of {@code alias} in the file, 0 when unknown. */
    public int aliasLine(String alias) {
        return aliasLines.getOrDefault(alias, 0);
    }

    /** A campaign that is nobody's translation, keyed by its path (tests and tools that build one by hand). */
    public Campaign(String file, String sourcePath, String language, PageKind kind, String slug, String path,
            String title, Optional<LocalDate> date, Status status, String summary, String organization,
            Optional<Image> image, List<String> tags, List<String> categories, boolean draft, List<Action> actions,
            List<Update> updates, Optional<Quote> quote, Optional<Donate> donate, List<Link> links,
            List<String> hashtags, List<String> handles, boolean quickExit, String body, int bodyLine) {
        this(file, sourcePath, language, kind, slug, path, title, date, status, summary, organization, image, tags,
                categories, draft, actions, updates, quote, donate, links, hashtags, handles, quickExit, body, bodyLine,
                List.of(), Translation.original(CampaignParser.defaultKey(sourcePath), ""));
    }

    /** The file's path inside the content folder, {@code <lang>/<path>.md}: how translations name their source. */
    public String contentPath() {
        return language + "/" + sourcePath;
    }

    public boolean isCampaign() {
        return kind == PageKind.CAMPAIGN;
    }

    /** The date as YYYY-MM-DD, or "" for pages without one. */
    public String isoDate() {
        return date.map(LocalDate::toString).orElse("");
    }

    /** The first action, which lists and the counter show; empty for a page without actions. */
    public Optional<Action> mainAction() {
        return actions.isEmpty() ? Optional.empty() : Optional.of(actions.get(0));
    }

    /** All targets of all actions, without repeats, in order of appearance. */
    public List<Target> allTargets() {
        return actions.stream().flatMap(a -> a.targets().stream()).distinct().toList();
    }
}

package io.github.broadside.site;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.broadside.content.Campaign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The translation status of a site: for every published page (by translation key) and every
 * language, whether that language has the original, an up-to-date translation, a stale one, one
 * that does not record its source version, or none. Printed as a table for people and written as
 * JSON for CI.
 *
 * @param languages the site's languages, in site order (the table's columns)
 * @param rows      one per page, by translation key
 * @param partial   the translations that show some of their source's words (fields they leave out)
 */
public record TranslationReport(List<String> languages, List<Row> rows, List<Partial> partial) {

    /**
     * A translation that is partly untranslated: text fields it leaves out show its source's words.
     *
     * @param file     the translation, as shown to users
     * @param language its language
     * @param fields   the inherited text fields, in front-matter order
     */
    public record Partial(String file, String language, List<io.github.broadside.content.InheritedText> fields) {
        public Partial {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(language, "language");
            fields = List.copyOf(fields);
        }

        /** One line for people: {@code content/ar/x.md: action.signatories[0].role (en) ...}. */
        public String format() {
            return file + ": " + fields.stream().map(f -> f.field() + " (" + f.language() + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /** The translations of {@code site} that show words of their source language, by file. */
    public static List<Partial> partial(Site site) {
        return site.allPages().stream().filter(c -> !c.translation().inheritedText().isEmpty())
                .sorted(java.util.Comparator.comparing(Campaign::file))
                .map(c -> new Partial(c.file(), c.language(), c.translation().inheritedText())).toList();
    }

    /** What one language has of one page. */
    public enum Status {
        /** The page was written in this language: the source of the others. */
        ORIGINAL,
        /** A translation that records the source's current version. */
        CURRENT,
        /** A translation made from an older version of its source. */
        STALE,
        /** A translation that does not record which version of its source it was made from. */
        UNTRACKED,
        /** No version in this language. */
        MISSING;

        /** The word used in the table and the JSON: {@code original}, {@code stale} ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One page: its key, its title (in the default language when it has a version there), its
     * kind, and its status in every language.
     */
    public record Row(String key, String title, String kind, Map<String, Status> status) {
        public Row {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(kind, "kind");
            status = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(status));
        }
    }

    public TranslationReport {
        languages = List.copyOf(languages);
        rows = List.copyOf(rows);
        partial = List.copyOf(partial);
    }

    /** The report for a linked site. */
    public static TranslationReport of(Site site) {
        List<String> languages = site.languages().stream().map(LanguageSite::language).toList();
        List<Row> rows = new ArrayList<>();
        site.translations().all().forEach((key, versions) -> {
            Map<String, Status> status = new LinkedHashMap<>();
            for (String language : languages) {
                status.put(language, versions.stream().filter(c -> c.language().equals(language)).findFirst()
                        .map(c -> statusOf(site, c)).orElse(Status.MISSING));
            }
            Campaign named = versions.stream().filter(c -> c.language().equals(site.config().defaultLanguage()))
                    .findFirst().orElse(versions.get(0));
            rows.add(new Row(key, named.title(), named.isCampaign() ? "campaign" : "page", status));
        });
        return new TranslationReport(languages, rows, partial(site));
    }

    private static Status statusOf(Site site, Campaign campaign) {
        if (!campaign.translation().isTranslation()) {
            return Status.ORIGINAL;
        }
        if (site.translations().staleness(campaign).isPresent()) {
            return Status.STALE;
        }
        return campaign.translation().recordedHash().isPresent() ? Status.CURRENT : Status.UNTRACKED;
    }

    /** How many cells have {@code status}. */
    public long count(Status status) {
        return rows.stream().flatMap(r -> r.status().values().stream()).filter(s -> s == status).count();
    }

    /** The table as lines of text: a header, one line per page, and a summary line. */
    public List<String> table() {
        int keyWidth = Math.max(4, rows.stream().mapToInt(r -> r.key().length()).max().orElse(0));
        List<Integer> widths = languages.stream().map(l -> Math.max(l.length(), "untracked".length())).toList();
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder(pad("page", keyWidth));
        for (int i = 0; i < languages.size(); i++) {
            header.append("  ").append(pad(languages.get(i), widths.get(i)));
        }
        out.add(header.toString().stripTrailing());
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(pad(row.key(), keyWidth));
            for (int i = 0; i < languages.size(); i++) {
                line.append("  ").append(pad(row.status().get(languages.get(i)).key(), widths.get(i)));
            }
            out.add(line.toString().stripTrailing());
        }
        if (!partial.isEmpty()) {
            out.add("partly untranslated (fields left out show the source's words; translate them in the file):");
            partial.forEach(p -> out.add("  " + p.format()));
        }
        out.add(rows.size() + " pages: " + count(Status.CURRENT) + " current, " + count(Status.STALE) + " stale, "
                + count(Status.UNTRACKED) + " untracked, " + count(Status.MISSING) + " missing translations"
                + (partial.isEmpty() ? "" : ", " + partial.size() + " partly untranslated"));
        return out;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** The report as JSON: {@code {"languages": [...], "rows": [{"key", "title", "kind", "status": {...}}], "totals": {...}}}. */
    public String json() {
        StringBuilder out = new StringBuilder("{\n  \"languages\": [");
        for (int i = 0; i < languages.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(languages.get(i)));
        }
        out.append("],\n  \"rows\": [");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            out.append(r == 0 ? "\n" : ",\n").append("    {\"key\": ").append(quote(row.key()))
                    .append(", \"title\": ").append(quote(row.title()))
                    .append(", \"kind\": ").append(quote(row.kind()))
                    .append(", \"status\": {");
            int i = 0;
            for (Map.Entry<String, Status> entry : row.status().entrySet()) {
                out.append(i++ == 0 ? "" : ", ").append(quote(entry.getKey())).append(": ")
                        .append(quote(entry.getValue().key()));
            }
            out.append("}}");
        }
        out.append(rows.isEmpty() ? "],\n" : "\n  ],\n").append("  \"partlyUntranslated\": [");
        for (int p = 0; p < partial.size(); p++) {
            Partial page = partial.get(p);
            out.append(p == 0 ? "\n" : ",\n").append("    {\"file\": ").append(quote(page.file()))
                    .append(", \"language\": ").append(quote(page.language())).append(", \"fields\": [");
            for (int f = 0; f < page.fields().size(); f++) {
                io.github.broadside.content.InheritedText field = page.fields().get(f);
                out.append(f == 0 ? "" : ", ").append("{\"field\": ").append(quote(field.field()))
                        .append(", \"language\": ").append(quote(field.language()))
                        .append(", \"from\": ").append(quote(field.file() + ":" + field.line())).append('}');
            }
            out.append("]}");
        }
        out.append(partial.isEmpty() ? "],\n" : "\n  ],\n").append("  \"totals\": {");
        Status[] statuses = Status.values();
        for (int i = 0; i < statuses.length; i++) {
            out.append(i == 0 ? "" : ", ").append(quote(statuses[i].key())).append(": ").append(count(statuses[i]));
        }
        return out.append("}\n}\n").toString();
    }

    /** A JSON string literal (Jackson's escaping). */
    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}

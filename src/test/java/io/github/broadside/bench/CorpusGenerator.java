package io.github.broadside.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic synthetic site for the benchmark: {@code N} campaign pages with realistic
 * front matter (title, date, summary, two or three tags from a pool, status, a petition with a
 * goal) and a body of about 600 words using headings, lists, links, emphasis, a table and a
 * blockquote. The same arguments always give byte-identical files, so runs compare.
 *
 * <p>Two layouts of the same pages: Broadside's ({@code content/site.yml}, {@code content/<lang>/*.md})
 * and Hugo's ({@code hugo.yaml}, {@code content/<lang>/*.md}, minimal layouts doing comparable work),
 * so the benchmark can build both from one corpus. Pages are spread evenly over the languages.
 *
 * <p>With {@code images}, every campaign names one of a few hero pictures (as many real campaigns
 * do), so no share card is drawn for it: the build then does what Hugo's does, pages only.
 *
 * <p>Usage: {@code CorpusGenerator <out-dir> <pages> [languages=1|3] [broadside|hugo] [images]}.
 */
public final class CorpusGenerator {
    static final List<String> LANGUAGES = List.of("en", "es", "fr");
    static final List<String> TAGS = List.of("asylum", "detention", "families", "climate", "housing", "labor",
            "healthcare", "education", "voting-rights", "policing", "water", "transit", "wages", "refugees",
            "disability", "youth", "elders", "data-privacy", "public-lands", "energy", "food", "childcare",
            "veterans", "tenants", "unions", "budget", "courts", "borders", "language-access", "libraries");
    static final List<String> CATEGORIES = List.of("Petitions", "Letters", "Local", "National");
    static final int HERO_IMAGES = 8;
    static final String[] STATUSES = {"active", "active", "active", "closed", "won"};
    private static final String[] VERBS = {"Stop", "Fund", "Protect", "End", "Defend", "Restore", "Expand", "Save",
        "Reform", "Demand"};
    private static final String[] SUBJECTS = {"family detention", "public libraries", "tenant protections",
        "clean water", "asylum access", "school meals", "bus routes", "living wages", "language access",
        "voting access", "community clinics", "river cleanup", "child care", "heat protections", "fair courts"};
    private static final String[] PLACES = {"Riverside", "Oak County", "Millbrook", "the State", "Lakeview",
        "North District", "Harbor City", "Pine Valley", "Eastgate", "the Capital"};
    private static final String[] WORDS = ("community families neighbors county council vote budget rights "
            + "protection safety housing rent wages workers schools children clinic health water river public "
            + "service policy hearing decision leaders members coalition organizers volunteers petition letter "
            + "signatures support demand justice access fair equal open transparent local state federal law "
            + "program funding cuts plan report data evidence research study survey results people voices "
            + "stories impact change future together action meeting testimony officials agency department "
            + "commission board district city residents immigrants tenants students parents teachers nurses "
            + "drivers elders youth language translation court judge lawyer representation detention release "
            + "shelter food transit bus routes hours service delays climate heat energy bills costs")
            .split(" ");
    private static final String[] HEADINGS = {"What is happening", "Why it matters", "What we are asking for",
        "Who is affected", "The numbers", "How you can help", "What happens next", "Background"};

    private CorpusGenerator() {
    }

    /** The two site layouts the generator writes. */
    public enum Flavour { BROADSIDE, HUGO }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator <out-dir> <pages> [languages=1|3] [broadside|hugo]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int pages = Integer.parseInt(args[1]);
        int languages = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Flavour flavour = args.length > 3 ? Flavour.valueOf(args[3].toUpperCase(java.util.Locale.ROOT))
                : Flavour.BROADSIDE;
        generate(out, pages, languages, flavour, args.length > 4 && args[4].equals("images"));
    }

    /** Writes the corpus into {@code out}, campaigns without pictures (each gets a share card). */
    public static void generate(Path out, int pages, int languageCount, Flavour flavour) throws IOException {
        generate(out, pages, languageCount, flavour, false);
    }

    /** Writes the corpus into {@code out} (which should be empty or absent). */
    public static void generate(Path out, int pages, int languageCount, Flavour flavour, boolean images)
            throws IOException {
        if (pages < 1 || languageCount < 1 || languageCount > LANGUAGES.size()) {
            throw new IllegalArgumentException("pages >= 1 and 1 <= languages <= " + LANGUAGES.size());
        }
        List<String> languages = LANGUAGES.subList(0, languageCount);
        Path content = out.resolve("content");
        if (flavour == Flavour.BROADSIDE) {
            Files.createDirectories(content);
            Files.writeString(content.resolve("site.yml"), siteYml(), StandardCharsets.UTF_8);
        } else {
            Files.createDirectories(content);
            Files.writeString(out.resolve("hugo.yaml"), hugoConfig(languages), StandardCharsets.UTF_8);
            writeHugoLayouts(out.resolve("layouts"));
        }
        Files.createDirectories(content.resolve(languages.get(0)));
        Files.writeString(content.resolve(languages.get(0)).resolve("privacy.md"), """
                ---
                title: "Privacy"
                kind: page
                ---

                We keep what you send us only as long as the campaign runs, and never sell it.
                """.replace(flavour == Flavour.HUGO ? "kind: page\n" : "\u0000", ""), StandardCharsets.UTF_8);
        if (images && flavour == Flavour.BROADSIDE) {
            Path folder = content.resolve("static/images");
            Files.createDirectories(folder);
            for (int i = 0; i < HERO_IMAGES; i++) {
                java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(1200, 630,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = picture.createGraphics();
                g.setColor(new java.awt.Color(0x20 * i, 0x60, 0x90));
                g.fillRect(0, 0, 1200, 630);
                g.dispose();
                javax.imageio.ImageIO.write(picture, "png", folder.resolve("hero-" + i + ".png").toFile());
            }
        }
        for (int i = 0; i < pages; i++) {
            String language = languages.get(i % languages.size());
            Path folder = content.resolve(language);
            Files.createDirectories(folder);
            try (Writer writer = Files.newBufferedWriter(folder.resolve(slug(i) + ".md"), StandardCharsets.UTF_8)) {
                writer.write(page(i, language, flavour, images));
            }
        }
    }

    public static String slug(int i) {
        return "campaign-" + String.format(java.util.Locale.ROOT, "%05d", i);
    }

    /** One page; the random stream depends only on the page's number. */
    public static String page(int i, String language, Flavour flavour) {
        return page(i, language, flavour, false);
    }

    static String page(int i, String language, Flavour flavour, boolean images) {
        Random random = new Random(0x5eed_0000L + i);
        String verb = pick(random, VERBS);
        String subject = pick(random, SUBJECTS);
        String place = pick(random, PLACES);
        String title = verb + " " + subject + " in " + place + " (" + (i + 1) + ")";
        LocalDate date = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
        int tagCount = 2 + random.nextInt(2);
        List<String> tags = new ArrayList<>();
        while (tags.size() < tagCount) {
            String tag = TAGS.get(random.nextInt(TAGS.size()));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String status = pick(random, STATUSES);
        int goal = (1 + random.nextInt(50)) * 1000;
        int count = random.nextInt(goal);
        String summary = "Tell " + place + " leaders to " + verb.toLowerCase(java.util.Locale.ROOT) + " "
                + subject + " before the next budget vote.";
        StringBuilder md = new StringBuilder(8 * 1024);
        md.append("---\n");
        md.append("title: \"").append(title).append("\"\n");
        if (flavour == Flavour.BROADSIDE) {
            md.append("slug: ").append(slug(i)).append('\n');
        }
        md.append("date: ").append(date).append('\n');
        md.append("status: ").append(status).append('\n');
        md.append("summary: \"").append(summary).append("\"\n");
        md.append("organization: \"").append(place).append(" Coalition\"\n");
        md.append("tags: [").append(String.join(", ", tags)).append("]\n");
        md.append("categories: [\"").append(CATEGORIES.get(random.nextInt(CATEGORIES.size()))).append("\"]\n");
        if (images) {
            md.append("image: \"/images/hero-").append(i % HERO_IMAGES).append(".png\"\n");
            md.append("imageAlt: \"Neighbours marching in ").append(place).append("\"\n");
        }
        md.append("action:\n");
        md.append("  type: petition\n");
        md.append("  label: \"Sign the petition\"\n");
        md.append("  intro: \"Add your name to tell the ").append(place).append(" council to **act now**.\"\n");
        md.append("  cta: \"Sign now\"\n");
        md.append("  goal: ").append(goal).append('\n');
        md.append("  count: ").append(count).append('\n');
        md.append("  targets:\n");
        md.append("    - name: \"").append(place).append(" Council\"\n");
        md.append("      role: \"Local government\"\n");
        md.append("---\n\n");
        body(md, random, place, subject, language, tags.get(0));
        return md.toString();
    }

    private static void body(StringBuilder md, Random random, String place, String subject, String language,
            String tag) {
        md.append("**").append(place).append(" is about to decide the future of ").append(subject)
                .append(".** ").append(sentence(random, 18)).append("\n\n");
        List<String> headings = new ArrayList<>(List.of(HEADINGS));
        java.util.Collections.shuffle(headings, random);
        for (int section = 0; section < 5; section++) {
            md.append("## ").append(headings.get(section)).append("\n\n");
            paragraph(md, random, 3 + random.nextInt(3));
            switch (section) {
                case 0 -> {
                    for (int j = 0; j < 4; j++) {
                        md.append("- ").append(sentence(random, 8 + random.nextInt(6))).append('\n');
                    }
                    md.append('\n');
                }
                case 1 -> {
                    md.append("| Year | Budget | Families served |\n| --- | ---: | ---: |\n");
                    for (int year = 2019; year <= 2023; year++) {
                        md.append("| ").append(year).append(" | $").append(100 + random.nextInt(900))
                                .append(",000 | ").append(random.nextInt(5000)).append(" |\n");
                    }
                    md.append('\n');
                }
                case 2 -> md.append("> ").append(sentence(random, 20)).append("\n> \n> — A ").append(place)
                        .append(" resident\n\n");
                case 3 -> {
                    for (int j = 1; j <= 3; j++) {
                        md.append(j).append(". ").append(sentence(random, 10)).append('\n');
                    }
                    md.append('\n');
                }
                default -> paragraph(md, random, 2);
            }
        }
        md.append("Read the [full report](https://example.org/reports/").append(random.nextInt(1000))
                .append(") and [more on ").append(tag).append("](").append(language.equals(LANGUAGES.get(0)) ? "" : "/" + language)
                .append("/tags/").append(tag).append("/). ")
                .append(sentence(random, 14)).append("\n");
    }

    private static void paragraph(StringBuilder md, Random random, int sentences) {
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                md.append(' ');
            }
            String sentence = sentence(random, 12 + random.nextInt(10));
            switch (random.nextInt(6)) {
                case 0 -> md.append('*').append(sentence, 0, sentence.length() - 1).append("*.");
                case 1 -> {
                    int cut = sentence.indexOf(' ', sentence.length() / 2);
                    md.append(sentence, 0, cut).append(" [").append(pick(random, WORDS)).append(" ")
                            .append(pick(random, WORDS)).append("](https://example.org/").append(pick(random, WORDS))
                            .append(")").append(sentence.substring(cut));
                }
                case 2 -> md.append("**").append(sentence, 0, sentence.length() - 1).append("**.");
                default -> md.append(sentence);
            }
        }
        md.append("\n\n");
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = pick(random, WORDS);
            if (w == 0) {
                s.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                s.append(' ').append(word);
            }
        }
        return s.append('.').toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String siteYml() {
        return """
                title: Benchmark coalition
                description: A synthetic site for measuring build speed.
                baseUrl: https://bench.example.org/
                defaultLanguage: en
                organization:
                  name: Benchmark coalition
                  url: https://bench.example.org/
                navigation:
                  - label: Campaigns
                    url: /
                  - label: Tags
                    url: /tags/
                privacyUrl: /privacy/
                forms:
                  provider: formspree
                  formId: benchform
                """;
    }

    private static String hugoConfig(List<String> languages) {
        StringBuilder yaml = new StringBuilder("""
                baseURL: https://bench.example.org/
                title: Benchmark coalition
                defaultContentLanguage: en
                disableKinds: [RSS, sitemap, robotsTXT, 404]
                taxonomies:
                  tag: tags
                  category: categories
                markup:
                  goldmark:
                    renderer:
                      unsafe: false
                languages:
                """);
        for (int i = 0; i < languages.size(); i++) {
            yaml.append("  ").append(languages.get(i)).append(":\n    contentDir: content/")
                    .append(languages.get(i)).append("\n    weight: ").append(i + 1).append('\n');
        }
        return yaml.toString();
    }

    /** Layouts that do about what Broadside's default theme does: page, home list, term pages. */
    private static void writeHugoLayouts(Path layouts) throws IOException {
        Files.createDirectories(layouts.resolve("_default"));
        Files.writeString(layouts.resolve("_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="{{ .Site.Language.Lang }}">
                <head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
                {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
                <link rel="canonical" href="{{ .Permalink }}"><link rel="stylesheet" href="/assets/style.css"></head>
                <body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></header>
                <main id="main">{{ block "main" . }}{{ end }}</main><footer><a href="/privacy/">Privacy</a></footer>
                </body></html>
                """);
        Files.writeString(layouts.resolve("_default/single.html"), """
                {{ define "main" }}<article><p class="meta">{{ .Params.status }} {{ .Date.Format "January 2, 2006" }}</p>
                <h1>{{ .Title }}</h1><p class="lead">{{ .Params.summary }}</p>{{ .Content }}
                <p>{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a> {{ end }}</p></article>
                {{ with .Params.action }}<aside><h2>{{ .label }}</h2><p>{{ .intro | markdownify }}</p>
                <progress max="{{ .goal }}" value="{{ .count }}"></progress>
                <form method="post" action="https://forms.example.org/"><label>Name <input name="name"></label>
                <button>{{ .cta }}</button></form></aside>{{ end }}{{ end }}
                """);
        Files.writeString(layouts.resolve("_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1><div class="cards">{{ range .Pages }}<article>
                <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.status }}
                <time>{{ .Date.Format "January 2, 2006" }}</time></p><p>{{ .Params.summary }}</p></article>
                {{ end }}</div>{{ end }}
                """);
        Files.writeString(layouts.resolve("index.html"), """
                {{ define "main" }}<h1>{{ .Site.Title }}</h1><div class="cards">{{ range .Site.RegularPages }}<article>
                <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.status }}
                <time>{{ .Date.Format "January 2, 2006" }}</time></p><p>{{ .Params.summary }}</p></article>
                {{ end }}</div>{{ end }}
                """);
        Files.writeString(layouts.resolve("_default/terms.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}
                <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
                """);
    }
}

package io.github.broadside.incremental;

import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.BuildFailedException;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalBuildTest {
    @TempDir
    Path dir;
    Path content;
    IncrementalBuild build;
    IncrementalBuild.Update first;

    @BeforeEach
    void buildSample() {
        SampleProject.copyInto(dir);
        content = dir.resolve("content");
        build = new IncrementalBuild(BuildOptions.builder(dir).drafts(true).build());
        first = build.full();
    }

    private IncrementalBuild.Update edit(String file, String from, String to) throws IOException {
        Path path = content.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
        return build.update(Set.of(path));
    }

    private static List<String> paths(IncrementalBuild.Update update) {
        return update.changedPages().stream().map(Page::path).toList();
    }

    private static String html(IncrementalBuild.Update update, String path) {
        return update.changedPages().stream().filter(p -> p.path().equals(path)).findFirst()
                .map(p -> new String(p.bytes(), StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void firstBuildRendersEveryPageAndCopiesAssets() {
        assertThat(first.full()).isTrue();
        assertThat(first.hasErrors()).isFalse();
        assertThat(paths(first)).contains("index.html", "stop-unjust-raids/index.html", "privacy/index.html",
                "tags/index.html", "tags/asylum/index.html", "categories/index.html");
        assertThat(first.copies()).containsKey("assets/style.css");
    }

    @Test
    void editingABodyRendersThatPageAndTheListsOfItsLanguageOnly() throws IOException {
        // A campaign without translations: nothing but its own language's pages can show it.
        IncrementalBuild.Update update = edit("en/end-family-detention.md", "The detention of families",
                "The very detention of families");
        assertThat(update.full()).isFalse();
        // The body is not shown in lists, so of all pages only the campaign's own page changed.
        assertThat(paths(update)).containsExactly("end-family-detention/index.html");
        // No list template reads a campaign's body, so the lists are not even rendered again.
        assertThat(update.rendered()).contains("end-family-detention/index.html")
                .doesNotContain("index.html", "tags/asylum/index.html", "privacy/index.html")
                .allMatch(p -> p.startsWith("end-family-detention/"));
        assertThat(update.changedSources()).containsExactly("content/en/end-family-detention.md");
        assertThat(html(update, "end-family-detention/index.html")).contains("The very detention");
    }

    @Test
    void editingATitleUpdatesTheHomeAndTermPagesThatListIt() throws IOException {
        IncrementalBuild.Update update = edit("en/stop-unjust-raids.md", "title: \"Stop Unjust Immigration Raids\"",
                "title: \"Stop the Raids Now\"");
        assertThat(paths(update)).contains("stop-unjust-raids/index.html", "index.html", "tags/asylum/index.html",
                "categories/letters/index.html");
        // A tag page that does not list the campaign is not rendered again.
        assertThat(paths(update)).doesNotContain("privacy/index.html", "end-family-detention/index.html");
        assertThat(html(update, "index.html")).contains("Stop the Raids Now");
    }

    @Test
    void editingAPlainPageRendersThatPageAndItsTranslations() throws IOException {
        IncrementalBuild.Update update = edit("en/privacy.md", "This is a demonstration site", "This is a demo site");
        // Its translations now show that they were made from an older version, so they change too.
        assertThat(paths(update)).containsExactlyInAnyOrder("privacy/index.html", "es/privacidad/index.html",
                "ar/privacy/index.html");
        assertThat(update.rendered()).containsExactlyInAnyOrder("privacy/index.html", "es/privacidad/index.html",
                "ar/privacy/index.html");
    }

    @Test
    void renamingATagRemovesItsPageAndAddsTheNewOne() throws IOException {
        String raids = Files.readString(content.resolve("en/stop-unjust-raids.md"));
        assertThat(raids).contains("tags: [asylum, families, detention]");
        IncrementalBuild.Update update = edit("en/stop-unjust-raids.md", "tags: [asylum, families, detention]",
                "tags: [asylum, families, detention, raids]");
        assertThat(paths(update)).contains("tags/raids/index.html", "tags/index.html");
        IncrementalBuild.Update back = edit("en/stop-unjust-raids.md", "tags: [asylum, families, detention, raids]",
                "tags: [asylum, families, detention]");
        assertThat(back.removed()).containsExactly("tags/raids/index.html");
    }

    @Test
    void aTranslationIsRenderedAgainWhenItsSourceChanges() throws IOException {
        Path es = content.resolve("es/stop-unjust-raids.md");
        Files.createDirectories(es.getParent());
        Files.writeString(es, "---\ntitle: \"Alto a las redadas\"\ndate: 2016-01-07\n---\n\nTexto.\n");
        IncrementalBuild.Update added = build.update(Set.of(es));
        assertThat(paths(added)).contains("es/stop-unjust-raids/index.html", "es/index.html");
        IncrementalBuild.Update update = edit("en/stop-unjust-raids.md", "This week, the Department",
                "This very week, the Department");
        assertThat(update.rendered()).contains("stop-unjust-raids/index.html", "es/stop-unjust-raids/index.html")
                .doesNotContain("es/index.html");
        assertThat(update.problems()).noneMatch(p -> p.isError());
    }

    @Test
    void aTranslationTakesItsSourcesNewCountWithoutBeingEdited() throws IOException {
        // es/stop-unjust-raids.md leaves the action out, so it shows the source's count.
        IncrementalBuild.Update update = edit("en/stop-unjust-raids.md", "count: 400", "count: 450");
        assertThat(html(update, "es/alto-a-las-redadas-injustas/index.html")).contains("450");
    }

    @Test
    void aBrokenFileKeepsItsLastGoodPageAndReportsTheProblemUntilFixed() throws IOException {
        IncrementalBuild.Update broken = edit("en/stop-unjust-raids.md", "date: 2016-01-07", "date: 2016-13-45");
        assertThat(broken.hasErrors()).isTrue();
        assertThat(broken.problemsChanged()).isTrue();
        assertThat(broken.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/en/stop-unjust-raids.md");
            assertThat(p.line()).isEqualTo(4);
        });
        assertThat(broken.changedPages()).isEmpty();
        assertThat(build.snapshot().orElseThrow().site().allPages())
                .anyMatch(c -> c.slug().equals("stop-unjust-raids"));
        IncrementalBuild.Update fixed = edit("en/stop-unjust-raids.md", "date: 2016-13-45", "date: 2016-01-08");
        assertThat(fixed.hasErrors()).isFalse();
        assertThat(fixed.problemsChanged()).isTrue();
        assertThat(paths(fixed)).contains("stop-unjust-raids/index.html");
    }

    @Test
    void aTemplateErrorIsReportedAndATemplateFixRendersEverything() throws IOException {
        Path template = dir.resolve("themes/default/templates/page.peb");
        String good = Files.readString(template);
        Files.writeString(template, good.replace("{% block main %}", "{% block main %}{{ campaign.title "));
        IncrementalBuild.Update broken = build.update(Set.of(template));
        assertThat(broken.full()).isTrue();
        assertThat(broken.problems()).anySatisfy(p -> assertThat(p.file()).endsWith("templates/page.peb"));
        Files.writeString(template, good);
        IncrementalBuild.Update fixed = build.update(Set.of(template));
        assertThat(fixed.hasErrors()).isFalse();
        assertThat(fixed.rendered()).hasSameSizeAs(first.rendered());
    }

    @Test
    void deletingAPageRemovesItAndANewStaticFileIsCopied() throws IOException {
        Path privacy = content.resolve("en/privacy.md");
        Files.delete(privacy);
        Path image = content.resolve("static/images/a.png");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[] {1, 2, 3});
        IncrementalBuild.Update update = build.update(Set.of(privacy, image));
        assertThat(update.removed()).contains("privacy/index.html");
        assertThat(update.copies()).containsEntry("images/a.png", image);
    }

    @Test
    void changingSiteYmlRendersEverything() throws IOException {
        IncrementalBuild.Update update = edit("site.yml", "title: Broadside sample campaigns",
                "title: Our campaigns");
        assertThat(update.full()).isTrue();
        assertThat(update.rendered()).hasSameSizeAs(first.rendered());
        assertThat(html(update, "privacy/index.html")).contains("Our campaigns");
    }

    /** The pages as serve has them after {@code updates}: the first build's, then each update applied. */
    private static Map<String, String> served(IncrementalBuild.Update... updates) {
        Map<String, String> out = new TreeMap<>();
        for (IncrementalBuild.Update update : updates) {
            update.removed().forEach(out::remove);
            update.changedPages().forEach(p -> out.put(p.path(), new String(p.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The pages a fresh build of the project renders now. */
    private Map<String, String> fresh() {
        IncrementalBuild again = new IncrementalBuild(BuildOptions.builder(dir).drafts(true).build());
        return served(again.full());
    }

    /** The policy tag the publish stage adds to each page; serve sends pages without it. */
    private static final java.util.regex.Pattern POLICY_META =
            java.util.regex.Pattern.compile("\n<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">");
    /** A fingerprinted asset name ({@code style.3f2a9c1b.css}); serve publishes assets under their own names. */
    private static final java.util.regex.Pattern FINGERPRINT =
            java.util.regex.Pattern.compile("(/assets/[^\"'\\s)?#]*?)\\.[0-9a-f]{8}(\\.[A-Za-z0-9]+)?(?=[\"'\\s)?#])");

    /** A page as serve and build both write it: the policy tag and asset fingerprints set aside. */
    private static String comparable(String html) {
        return FINGERPRINT.matcher(POLICY_META.matcher(html).replaceAll("")).replaceAll("$1$2");
    }

    /**
     * The HTML pages {@link SiteBuilder#build()} publishes for the project now (for the preview,
     * as serve does: forms post to its sink), comparable with serve's.
     */
    private Map<String, String> published() throws IOException {
        Path site = dir.resolve("site");
        try {
            new SiteBuilder(BuildOptions.builder(dir).drafts(true).output(site).build()).forPreview().build();
        } catch (BuildFailedException e) {
            throw new AssertionError("the build failed: " + e.problems(), e);
        }
        Map<String, String> out = new TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                out.put(site.relativize(file).toString().replace('\\', '/'), comparable(Files.readString(file)));
            }
        }
        return out;
    }

    /** {@link #served} as comparable with {@link #published()}. */
    private static Map<String, String> servedComparable(List<IncrementalBuild.Update> updates) {
        Map<String, String> out = new TreeMap<>();
        served(updates.toArray(IncrementalBuild.Update[]::new)).forEach((path, html) -> out.put(path, comparable(html)));
        return out;
    }

    @Test
    void aSeriesOfEditsServesWhatAFullBuildRenders() throws IOException {
        // Quick ways (body, summary, count of a translated source, a plain page) and slow ones (title,
        // status, a new alias, a file that breaks and is fixed) in turn: serve must end where a build does.
        IncrementalBuild.Update[] updates = {
            first,
            edit("en/end-family-detention.md", "The detention of families", "The very detention of families"),
            edit("en/end-family-detention.md", "summary: \"Sign the joint petition", "summary: \"Sign our petition"),
            edit("en/stop-unjust-raids.md", "count: 400", "count: 450"),
            edit("en/privacy.md", "This is a demonstration site", "This is a demo site"),
            edit("en/stop-unjust-raids.md", "title: \"Stop Unjust Immigration Raids\"", "title: \"Stop the Raids\""),
            edit("en/end-family-detention.md", "status: closed", "status: active"),
            edit("en/stop-unjust-raids.md", "date: 2016-01-07", "date: 2016-13-45"),
            edit("en/stop-unjust-raids.md", "date: 2016-13-45", "date: 2016-01-09"),
            edit("en/end-family-detention.md", "The very detention", "The detention"),
        };
        assertThat(served(updates)).isEqualTo(fresh());
    }

    @Test
    void aSummaryEditRendersTheListsThatShowItWithoutRelinkingEverything() throws IOException {
        IncrementalBuild.Update update = edit("en/end-family-detention.md", "summary: \"Sign the joint petition",
                "summary: \"Sign our petition");
        // Cards show the summary: the home page and the campaign's tag and category pages change.
        assertThat(paths(update)).contains("end-family-detention/index.html", "index.html",
                "tags/detention/index.html", "categories/petitions/index.html");
        // A tag the campaign does not have, and other campaigns' pages, are left alone.
        assertThat(update.rendered()).doesNotContain("tags/policing/index.html", "stop-unjust-raids/index.html");
        assertThat(html(update, "index.html")).contains("Sign our petition");
        assertThat(served(first, update)).isEqualTo(fresh());
    }

    @Test
    void aListTemplateThatShowsTheBodyIsRenderedAgainWhenTheBodyChanges() throws IOException {
        // A theme whose cards show more than the default theme's: what they read is recorded, not assumed.
        Path card = dir.resolve("themes/default/templates/campaign-card.peb");
        Files.writeString(card, Files.readString(card).replace("</article>",
                "<p class=\"words\">{{ c.body | length }}</p></article>"));
        IncrementalBuild.Update rethemed = build.update(Set.of(card));
        assertThat(rethemed.full()).isTrue();
        IncrementalBuild.Update update = edit("en/end-family-detention.md", "The detention of families",
                "The very detention of families");
        assertThat(paths(update)).contains("end-family-detention/index.html", "index.html",
                "tags/detention/index.html");
        assertThat(served(first, rethemed, update)).isEqualTo(fresh());
    }

    @Test
    void aSourceEditRendersItsStaleTranslationsAgain() throws IOException {
        // es/privacy.md records the version of en/privacy.md it was made from; an edit makes it stale.
        IncrementalBuild.Update update = edit("en/privacy.md", "This is a demonstration site", "This is a demo site");
        assertThat(update.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("content/es/privacy.md"));
        IncrementalBuild.Update back = edit("en/privacy.md", "This is a demo site", "This is a demonstration site");
        assertThat(back.problems()).noneSatisfy(p -> assertThat(p.file()).isEqualTo("content/es/privacy.md"));
        assertThat(back.rendered()).contains("es/privacidad/index.html");
        assertThat(served(first, update, back)).isEqualTo(fresh());
    }

    @Test
    void aSaveOfAFileThatIsNotAPageYetFindsIt() throws IOException {
        // A path serve has not seen makes it look at the folders again (a plain save of a known page does not).
        Path added = content.resolve("en/new-campaign.md");
        Files.writeString(added, "---\ntitle: \"A new campaign\"\ndate: 2017-02-01\n---\n\nText.\n");
        IncrementalBuild.Update update = build.update(Set.of(added));
        assertThat(paths(update)).contains("new-campaign/index.html", "index.html");
        assertThat(served(first, update)).isEqualTo(fresh());
    }

    @Test
    void aCampaignThatMovesInTheListsRendersThemAgainEvenIfTheyDoNotShowWhatMovedIt() throws IOException {
        // Cards that show only the title: a new date reads nothing they show, but moves the campaign.
        Path card = dir.resolve("themes/default/templates/campaign-card.peb");
        Files.writeString(card, "<article><a href=\"{{ url(c.path) }}\">{{ c.title }}</a></article>\n");
        IncrementalBuild.Update rethemed = build.update(Set.of(card));
        IncrementalBuild.Update update = edit("en/stop-unjust-raids.md", "date: 2016-01-07", "date: 2020-01-07");
        assertThat(update.full()).isFalse();
        assertThat(paths(update)).contains("index.html", "tags/asylum/index.html");
        String home = html(update, "index.html");
        assertThat(home.indexOf("Stop Unjust Immigration Raids")).isLessThan(home.indexOf("Fund Family Case"));
        assertThat(served(first, rethemed, update)).isEqualTo(fresh());
    }

    @Test
    void aTitleEditRendersTheCampaignItsTranslationsAndTheListsThatShowIt() throws IOException {
        IncrementalBuild.Update update = edit("en/stop-unjust-raids.md", "title: \"Stop Unjust Immigration Raids\"",
                "title: \"Stop the Raids Now\"");
        assertThat(update.rendered()).contains("stop-unjust-raids/index.html", "es/alto-a-las-redadas-injustas/index.html",
                "index.html", "tags/asylum/index.html").doesNotContain("tags/policing/index.html",
                "end-family-detention/index.html", "es/index.html");
        assertThat(served(first, update)).isEqualTo(fresh());
    }

    @Test
    void randomEditsAlwaysServeWhatAFullBuildRenders() throws IOException {
        // Seeded, so that a failure repeats: edits of every kind, in every language, on the quick way and the other.
        java.util.Random random = new java.util.Random(20240611);
        List<String> files = List.of("en/end-family-detention.md", "en/fund-family-case-management.md",
                "en/join-us-protect-immigrants.md", "en/protect-immigrants-asylum-seekers.md",
                "en/stop-unjust-raids.md", "en/privacy.md", "es/stop-unjust-raids.md", "es/privacy.md",
                "es/financiar-gestion-de-casos-familiares.md", "ar/stop-unjust-raids.md");
        List<IncrementalBuild.Update> updates = new java.util.ArrayList<>(List.of(first));
        for (int step = 1; step <= 40; step++) {
            Path path = content.resolve(files.get(random.nextInt(files.size())));
            String text = Files.readString(path);
            String edited = switch (random.nextInt(9)) {
                case 0 -> text + "\nMore words, edit " + step + ".\n";
                case 1 -> text.replaceFirst("(?m)^summary: \"", "summary: \"S" + step + " ");
                case 2 -> text.replaceFirst("(?m)^title: \"", "title: \"T" + step + " ");
                case 3 -> text.replaceFirst("(?m)^date: \\d{4}-\\d\\d-\\d\\d",
                        "date: 20" + (10 + random.nextInt(15)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
                case 4 -> text.replaceFirst("(?m)^status: \\w+",
                        "status: " + List.of("active", "closed", "won").get(random.nextInt(3)));
                case 5 -> text.replaceFirst("(?m)^tags: \\[", "tags: [t" + random.nextInt(3) + ", ");
                case 6 -> text.replaceFirst("(?m)^tags: \\[[^,\\]]*,? ?", "tags: [");
                case 7 -> text.replaceFirst("(?m)^categories: \\[", "categories: [\"C" + random.nextInt(2) + "\", ");
                default -> text.replaceFirst("(?m)^date: 20", "date: 20x");
            };
            Files.writeString(path, edited);
            updates.add(build.update(Set.of(path)));
            if (edited.contains("date: 20x")) {
                Files.writeString(path, text); // fixed again by the next save
                updates.add(build.update(Set.of(path)));
            }
            if (step % 10 == 0) {
                assertThat(served(updates.toArray(IncrementalBuild.Update[]::new))).as("after step " + step)
                        .isEqualTo(fresh());
                // What serve shows is what the build publishes, but for fingerprints and the policy tag.
                assertThat(servedComparable(updates)).as("serve equals build after step " + step)
                        .isEqualTo(published());
            }
        }
    }
}

package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.incremental.IncrementalBuild;
import io.github.broadside.problem.Problem;
import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Home and term pages split into numbered pages ({@code pagination: {pageSize: N}}): each page
 * lists its share in home order with an accessible page navigation, only the first is in the
 * sitemap, the {@code page} folder is kept from slugs and aliases, and serve re-renders the
 * right numbered pages after an edit.
 */
class PaginationTest {
    @TempDir
    Path dir;

    /** Seven campaigns tagged water, c1 newest; c6 and c7 closed (so listed after the active ones). */
    private TestProject seven(String siteYml) {
        TestProject project = TestProject.create(dir);
        project.write("content/site.yml", "title: Test site\nbaseUrl: https://test.example.org/\n" + siteYml);
        for (int i = 1; i <= 7; i++) {
            project.page("c" + i + ".md", "title: \"Campaign " + i + "\"\ndate: 2024-01-" + (20 - i) + "\n"
                    + "status: " + (i >= 6 ? "closed" : "active") + "\ntags: [water]\n", "Text " + i + ".\n");
        }
        return project;
    }

    private Document page(TestProject project, String file) throws IOException {
        return Jsoup.parse(project.site().resolve(file).toFile(), "UTF-8");
    }

    private static List<String> cards(Document page) {
        return page.select(".cards h2 a, .cards h3 a").eachText();
    }

    @Test
    void homeAndTermListsAreSplitIntoPagesOfTheSiteSize() throws IOException {
        TestProject project = seven("pagination:\n  pageSize: 3\n");
        project.build();
        List<String> all = new ArrayList<>();
        for (String file : List.of("index.html", "page/2/index.html", "page/3/index.html")) {
            all.addAll(cards(page(project, file)));
        }
        assertThat(all).containsExactly("Campaign 1", "Campaign 2", "Campaign 3", "Campaign 4", "Campaign 5",
                "Campaign 6", "Campaign 7");
        assertThat(cards(page(project, "index.html"))).hasSize(3);
        assertThat(project.site().resolve("page/4")).doesNotExist();
        assertThat(project.site().resolve("page/1")).doesNotExist();

        // Page 2 holds the last two active campaigns and the first closed one, each under its heading.
        Document second = page(project, "page/2/index.html");
        assertThat(second.select("#active-heading + .cards a").eachText()).containsExactly("Campaign 4", "Campaign 5");
        assertThat(second.select("#past-heading + .cards a").eachText()).containsExactly("Campaign 6");
        assertThat(second.title()).isEqualTo("Page 2 · Test site");
        assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo("https://test.example.org/page/2/");

        // The navigation: a labelled nav, the current page marked, no rel=prev/next.
        Element nav = second.selectFirst("nav.pagination");
        assertThat(nav).isNotNull();
        assertThat(nav.attr("aria-label")).isEqualTo("Pages");
        assertThat(nav.select("a[aria-current=page]").eachAttr("href")).containsExactly("/page/2/");
        assertThat(nav.select("a").eachAttr("href")).containsExactly("/", "/", "/page/2/", "/page/3/", "/page/3/");
        assertThat(nav.select("a").eachText()).containsExactly("Previous page", "1", "2", "3", "Next page");
        assertThat(nav.select("a[aria-label=Page 3]")).hasSize(1);
        assertThat(second.select("[rel~=prev], [rel~=next]")).isEmpty();
        assertThat(page(project, "index.html").select("nav.pagination a").eachText())
                .containsExactly("1", "2", "3", "Next page");

        // The tag page is split the same way, under its own folder.
        assertThat(cards(page(project, "tags/water/index.html"))).containsExactly("Campaign 1", "Campaign 2",
                "Campaign 3");
        Document tag3 = page(project, "tags/water/page/3/index.html");
        assertThat(tag3.title()).isEqualTo("water, page 3 · Test site");
        assertThat(tag3.select("nav.pagination a[aria-current=page]").eachAttr("href"))
                .containsExactly("/tags/water/page/3/");

        // Only the first page of a list is in the sitemap.
        String sitemap = project.read("site/sitemap.xml");
        assertThat(sitemap).contains("<loc>https://test.example.org/</loc>",
                "<loc>https://test.example.org/tags/water/</loc>").doesNotContain("/page/");
    }

    @Test
    void aListThatFitsOnOnePageHasNoNavigationAndTheDefaultSizeIs24() throws IOException {
        TestProject project = seven("");
        project.build();
        assertThat(cards(page(project, "index.html"))).hasSize(7);
        assertThat(page(project, "index.html").select("nav.pagination")).isEmpty();
        assertThat(project.site().resolve("page")).doesNotExist();
        for (int i = 8; i <= 25; i++) {
            project.campaign("c" + i + ".md", "Campaign " + i);
        }
        project.build();
        assertThat(cards(page(project, "index.html"))).hasSize(24);
        assertThat(cards(page(project, "page/2/index.html"))).hasSize(1);
    }

    @Test
    void eachLanguageHasItsOwnNumberedPagesInItsOwnWords() throws IOException {
        TestProject project = seven("pagination: {pageSize: 3}\nuntranslatedCampaigns: omit\n");
        for (int i = 1; i <= 4; i++) {
            project.write("content/es/e" + i + ".md", "---\ntitle: \"Campaña " + i + "\"\ndate: 2024-02-0" + i
                    + "\n---\nTexto.\n");
        }
        project.build();
        Document second = page(project, "es/page/2/index.html");
        assertThat(cards(second)).containsExactly("Campaña 1");
        assertThat(second.title()).isEqualTo("Página 2 · Test site");
        assertThat(second.select("nav.pagination").attr("aria-label")).isEqualTo("Páginas");
        assertThat(second.select("nav.pagination a[aria-current=page]").eachAttr("href")).containsExactly("/es/page/2/");
        assertThat(project.read("site/sitemap.xml")).doesNotContain("/page/");
    }

    @Test
    void aLongListLinksTheFirstTheLastAndTwoPagesEitherSide() throws IOException {
        TestProject project = seven("pagination: {pageSize: 1}\n");
        project.build();
        Element nav = page(project, "page/5/index.html").selectFirst("nav.pagination");
        assertThat(nav.select("li").eachText()).containsExactly("Previous page", "1", "…", "3", "4", "5", "6", "7",
                "Next page");
        assertThat(page(project, "index.html").select("nav.pagination li").eachText())
                .containsExactly("1", "2", "3", "…", "7", "Next page");
    }

    @Test
    void thePageFolderIsKeptFromSlugsAndAliases() {
        TestProject project = seven("");
        project.page("page.md", "title: Page\ndate: 2024-01-01\n", "Text.\n");
        assertThat(project.onlyError().message()).contains("the slug 'page' is reserved");

        project = TestProject.create(dir.resolve("aliases"));
        project.page("a.md", "title: A\ndate: 2024-01-01\naliases: [/page/2/]\n", "Text.\n");
        Problem problem = project.onlyError();
        assertThat(problem.file()).isEqualTo("content/en/a.md");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("/page/2/");

        project.page("a.md", "title: A\ndate: 2024-01-01\n", "Text.\n");
        project.write("content/es/b.md", "---\ntitle: B\ndate: 2024-01-01\naliases: [/es/page/3/]\n---\nTexto.\n");
        assertThat(project.onlyError().message()).contains("/es/page/3/", "numbered pages");
    }

    @Test
    void aPageSizeThatIsNotOneIsAProblemAtItsLine() {
        TestProject project = seven("pagination:\n  pageSize: 0\n");
        Problem problem = project.onlyError();
        assertThat(problem.file()).isEqualTo("content/site.yml");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("page size of 0");
        assertThat(problem.hint()).contains("1 to 1000");
        project.write("content/site.yml", "title: T\npagination:\n  pageSize: many\n");
        assertThat(project.onlyError().message()).contains("'pageSize' must be a whole number");
    }

    /** The pages an incremental build holds, after its first full build and these updates. */
    private static Map<String, String> apply(Map<String, String> pages, IncrementalBuild.Update update) {
        for (Page page : update.changedPages()) {
            pages.put(page.path(), new String(page.bytes(), StandardCharsets.UTF_8));
        }
        update.removed().forEach(pages::remove);
        return pages;
    }

    private static Map<String, String> htmlPages(IncrementalBuild.Update update) {
        Map<String, String> out = new TreeMap<>();
        apply(out, update);
        out.keySet().removeIf(p -> !p.endsWith(".html"));
        return out;
    }

    private IncrementalBuild.Update edit(IncrementalBuild build, String file, String from, String to)
            throws IOException {
        Path path = dir.resolve("content/en").resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
        return build.update(Set.of(path));
    }

    @Test
    void serveRendersTheNumberedPagesAnEditChangesAndEndsLikeACleanBuild() throws IOException {
        seven("pagination: {pageSize: 3}\n");
        IncrementalBuild build = new IncrementalBuild(BuildOptions.defaults(dir));
        Map<String, String> pages = htmlPages(build.full());
        assertThat(pages).containsKeys("index.html", "page/2/index.html", "page/3/index.html",
                "tags/water/page/3/index.html");

        // A new title of a campaign on page 2: only page 2 of each list shows it.
        IncrementalBuild.Update update = edit(build, "c4.md", "title: \"Campaign 4\"", "title: \"Campaign Four\"");
        assertThat(update.full()).isFalse();
        assertThat(update.rendered()).contains("page/2/index.html", "tags/water/page/2/index.html")
                .doesNotContain("index.html", "page/3/index.html", "tags/water/index.html");
        apply(pages, update);
        assertThat(pages.get("page/2/index.html")).contains("Campaign Four");

        // c7 (last, closed) becomes active: it moves from page 3 to the end of the active ones on page 2.
        update = edit(build, "c7.md", "status: closed", "status: active");
        assertThat(update.rendered()).contains("page/2/index.html", "page/3/index.html").doesNotContain("index.html");
        apply(pages, update);
        // Then the newest: the pages from its old place (page 2) to its new one (page 1) shift, page 3 does not.
        update = edit(build, "c7.md", "date: 2024-01-13", "date: 2024-03-01");
        assertThat(update.rendered()).contains("index.html", "page/2/index.html").doesNotContain("page/3/index.html");
        apply(pages, update);
        assertThat(Jsoup.parse(pages.get("index.html")).select(".cards a").eachText()).startsWith("Campaign 7");

        // c1 leaves the tag: the tag's list loses a page, which serve removes.
        update = edit(build, "c1.md", "tags: [water]", "tags: [river]");
        apply(pages, update);
        assertThat(update.removed()).contains("tags/water/page/3/index.html");
        update = edit(build, "c2.md", "tags: [water]", "tags: [river]");
        apply(pages, update);

        // Every page equals what a build from scratch makes of the same files.
        Map<String, String> clean = htmlPages(new IncrementalBuild(BuildOptions.defaults(dir)).full());
        assertThat(pages.keySet().stream().filter(p -> p.endsWith(".html")).sorted().toList())
                .isEqualTo(List.copyOf(clean.keySet()));
        clean.forEach((path, html) -> assertThat(pages.get(path)).as(path).isEqualTo(html));
    }

    /**
     * A list page's description (written twice into its head) says what this page holds in a search
     * snippet's length, whatever the size of the list: it once joined every title of the term, 110 KB
     * on each of the pages of a tag with 2,500 campaigns.
     */
    @Test
    void aListPagesDescriptionStaysShortAndNamesItsOwnShare() throws IOException {
        TestProject project = TestProject.create(dir);
        project.write("content/site.yml", "title: Test site\nbaseUrl: https://test.example.org/\npagination:\n  pageSize: 5\n");
        for (int i = 1; i <= 60; i++) {
            project.page("c" + i + ".md", "title: \"A rather long campaign title, number " + i + " of sixty\"\n"
                    + "date: 2024-03-" + String.format("%02d", 1 + i % 28) + "\ntags: [water]\n", "Text " + i + ".\n");
        }
        project.build();
        for (String file : List.of("tags/water/index.html", "tags/water/page/2/index.html", "tags/water/page/12/index.html",
                "tags/index.html")) {
            Document page = page(project, file);
            String description = page.select("meta[name=description]").attr("content");
            assertThat(description).as(file).startsWith(file.equals("tags/index.html") ? "Tags: water" : "water: ");
            assertThat(description.length()).as(file + ": " + description).isLessThanOrEqualTo(161);
            assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo(description);
            if (!file.equals("tags/index.html")) {
                assertThat(description).as(file).contains(cards(page).get(0)).endsWith("…");
            }
        }
    }
}

package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's options: drafts, base URL override, theme override, static files, load without writing. */
class SiteBuilderTest {
    @TempDir
    Path dir;

    private Document page(TestProject project, String path) {
        return Jsoup.parse(project.read("site/" + path));
    }

    @Test
    void draftsArePublishedOnlyWhenAskedFor() {
        TestProject project = TestProject.create(dir).campaign("a.md", "A");
        project.page("wip.md", "title: Work in progress\ndate: 2024-01-01\ndraft: true\n", "Text\n");
        project.build();
        assertThat(project.site().resolve("wip")).doesNotExist();
        assertThat(page(project, "index.html").select("article.card")).hasSize(1);

        project.build(project.options().toBuilder().drafts(true).build());
        assertThat(project.site().resolve("wip/index.html")).isRegularFile();

        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\ndrafts: true\n");
        project.build();
        assertThat(project.site().resolve("wip/index.html")).isRegularFile();
        project.build(project.options().toBuilder().drafts(false).build());
        assertThat(project.site().resolve("wip")).doesNotExist();
    }

    @Test
    void baseUrlOverrideWithASubPathPrefixesEveryInternalLink() {
        TestProject project = TestProject.create(dir);
        project.page("a.md", "title: A\ndate: 2024-01-01\ntags: [x]\ncategories: [Y]\n", "[privacy](/privacy/)\n");
        project.write("content/en/privacy.md", "---\ntitle: Privacy\nkind: page\n---\nText\n");
        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\nprivacyUrl: /privacy/\n"
                + "navigation:\n  - label: Tags\n    url: /tags/\n");
        project.build(project.options().toBuilder().baseUrl("https://broadside.github.io/repo").build());
        Document a = page(project, "a/index.html");
        assertThat(a.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://broadside.github.io/repo/a/");
        assertThat(a.selectFirst("link[rel=stylesheet]").attr("href")).matches("/repo/assets/style\\.[0-9a-f]{8}\\.css");
        for (Element link : a.select("a[href^=/]")) {
            String href = link.attr("href");
            assertThat(href).as(link.outerHtml()).startsWith("/repo/");
            String file = href.substring("/repo/".length()) + (href.endsWith("/") ? "index.html" : "");
            assertThat(project.site().resolve(file)).as(href).isRegularFile();
        }
        assertThat(a.select("a[href=/repo/tags/x/]")).isNotEmpty();
        assertThat(a.select("a[href=/repo/privacy/]")).hasSizeGreaterThanOrEqualTo(1);
        // Output paths do not move: the host serves site/ at /repo/.
        assertThat(project.site().resolve("a/index.html")).isRegularFile();
    }

    @Test
    void aSiteThemeOverridesOneTemplateAndInheritsTheRest() throws IOException {
        TestProject project = TestProject.create(dir).campaign("a.md", "A");
        project.write("themes/mine/theme.yml", "extends: default\n");
        project.write("themes/mine/templates/campaign-card.peb", "<article class=\"card mine\">{{ c.title }}</article>\n");
        project.write("themes/mine/assets/extra.css", "/* mine */");
        project.build(project.options().toBuilder().theme(Path.of("themes/mine")).build());
        Document home = page(project, "index.html");
        assertThat(home.select("article.card.mine").text()).isEqualTo("A");
        assertThat(home.select("a.skip-link")).hasSize(1);
        assertThat(project.site().resolve("assets")).isDirectoryContaining("regex:.*/style\\.[0-9a-f]{8}\\.css");
        try (java.util.stream.Stream<Path> assets = Files.list(project.site().resolve("assets"))) {
            assertThat(assets.filter(p -> p.getFileName().toString().matches("extra\\.[0-9a-f]{8}\\.css")))
                    .singleElement().satisfies(p -> assertThat(p).hasContent("/* mine */"));
        }
    }

    @Test
    void staticFilesAreCopiedAsTheyAre() throws IOException {
        TestProject project = TestProject.create(dir).campaign("a.md", "A");
        project.writeBytes("content/static/images/a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        project.build();
        assertThat(Files.readAllBytes(project.site().resolve("images/a.png")))
                .containsExactly((byte) 0x89, 'P', 'N', 'G');
    }

    @Test
    void siteUiStringsOverrideTheThemes() {
        TestProject project = TestProject.create(dir).campaign("a.md", "A");
        project.write("content/i18n/en.yml", "home.active: Act today\n");
        project.build();
        assertThat(page(project, "index.html").select("#active-heading").text()).isEqualTo("Act today");
    }

    @Test
    void resultCountsPagesAndWarnings() {
        TestProject project = TestProject.create(dir).campaign("a.md", "A");
        project.page("b.md", "title: B\ndate: 2024-01-01\nsumary: x\n", "Text\n");
        BuildResult result = project.build();
        // home, a, b and the 404 page
        assertThat(result.filesWritten()).isEqualTo(4);
        assertThat(result.pagesPerLanguage()).containsEntry("en", 4);
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.millis()).isNotNegative();
    }

    @Test
    void loadChecksWithoutWriting() {
        TestProject project = TestProject.create(dir).campaign("a.md", "A");
        Problems problems = new Problems();
        Site site = new SiteBuilder(project.options()).load(problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(site.allPages()).hasSize(1);
        assertThat(project.site()).doesNotExist();
    }

    @Test
    void defaultLanguageWithoutAFolderIsAnError() {
        TestProject project = TestProject.create(dir);
        project.write("content/es/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n");
        assertThat(project.onlyError().message()).contains("default language 'en' has no folder");
    }
}

package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.broadside.BuildResult;
import io.github.broadside.LanguageSummary;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A site in three languages (English at the root, Spanish and Arabic in folders): hreflang alternates
 * in the sitemap, a feed, a 404 page and cards per language; and earlier addresses (aliases) published
 * as redirects.
 */
class LanguagesAndAliasesTest {
    static final String BASE = "https://broadside.example.org/";

    @TempDir
    Path tmp;

    SampleProject multilingual() throws Exception {
        return SampleProject.copy(tmp)
                .write("content/es/stop-unjust-raids.md", """
                        ---
                        title: "Alto a las redadas injustas"
                        date: 2016-01-08
                        organization: "Tahirih Justice Center"
                        aliases: [alto-redadas]
                        ---

                        Alcen la voz contra las redadas.
                        """)
                .write("content/ar/stop-unjust-raids.md", """
                        ---
                        title: "أوقفوا مداهمات الهجرة الظالمة"
                        slug: "أوقفوا-المداهمات"
                        date: 2016-01-09
                        ---

                        ارفعوا أصواتكم ضد المداهمات.
                        """);
    }

    @Test
    void sitemapLinksTranslationsWithHreflang() throws Exception {
        SampleProject project = multilingual();
        BuildResult result = project.build();
        Path site = project.site();
        org.w3c.dom.Document xml = PublishedSiteTest.xml(site.resolve("sitemap.xml"));
        NodeList urls = xml.getElementsByTagNameNS(SitemapWriter.NS, "url");
        Map<String, List<String>> alternates = new java.util.HashMap<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(SitemapWriter.NS, "loc").item(0).getTextContent();
            NodeList links = url.getElementsByTagNameNS(SitemapWriter.XHTML, "link");
            List<String> found = new ArrayList<>();
            for (int j = 0; j < links.getLength(); j++) {
                Element link = (Element) links.item(j);
                found.add(link.getAttribute("hreflang") + " " + link.getAttribute("href"));
            }
            alternates.put(loc, found);
        }
        String arabic = BASE + "ar/%D8%A3%D9%88%D9%82%D9%81%D9%88%D8%A7-%D8%A7%D9%84%D9%85%D8%AF%D8%A7%D9%87%D9%85%D8%A7%D8%AA/";
        List<String> raids = List.of("en " + BASE + "stop-unjust-raids/", "ar " + arabic,
                "es " + BASE + "es/stop-unjust-raids/", "x-default " + BASE + "stop-unjust-raids/");
        assertThat(alternates.get(BASE + "stop-unjust-raids/")).containsExactlyInAnyOrderElementsOf(raids);
        assertThat(alternates.get(BASE + "es/stop-unjust-raids/")).containsExactlyInAnyOrderElementsOf(raids);
        assertThat(alternates.get(arabic)).containsExactlyInAnyOrderElementsOf(raids);
        assertThat(alternates.get(BASE + "es/")).contains("en " + BASE, "es " + BASE + "es/", "ar " + BASE + "ar/");
        // A page without a translation has no alternates.
        assertThat(alternates.get(BASE + "end-family-detention/")).isEmpty();

        for (String lang : List.of("es/", "ar/")) {
            assertThat(site.resolve(lang + "feed.xml")).isRegularFile();
            assertThat(site.resolve(lang + "404.html")).isRegularFile();
            assertThat(site.resolve(lang + "card.png")).isRegularFile();
            Document home = SampleProject.html(site, lang + "index.html");
            assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                    .isEqualTo("/" + lang + "feed.xml");
        }
        assertThat(SampleProject.text(site, "es/feed.xml")).contains("xml:lang=\"es\"",
                "<title>Alto a las redadas injustas</title>",
                "<title>Campañas de ejemplo de Broadside</title>");
        BufferedImage card = ImageIO.read(site.resolve("ar/أوقفوا-المداهمات/card.png").toFile());
        assertThat(card.getWidth()).isEqualTo(1200);
        int[] ink = SocialCardTest.inkColumns(card, 150, 480);
        assertThat(ink[1]).as("Arabic card is right-aligned").isGreaterThan(1100);

        assertThat(result.languages()).extracting(LanguageSummary::language)
                .containsExactly("en", "es", "ar", LanguageSummary.SHARED);
        LanguageSummary es = result.languages().get(1);
        // Every page under es/, the redirect page at the alias (es/alto-redadas/) among them.
        assertThat(site.resolve("es/alto-redadas/index.html")).isRegularFile();
        try (var files = java.nio.file.Files.walk(site.resolve("es"))) {
            assertThat(es.pages()).isEqualTo(files.filter(f -> f.toString().endsWith(".html")).count());
        }
        assertThat(es.feeds()).isEqualTo(1);
    }

    @Test
    void aliasesBecomeRedirectsForEveryKindOfHost() throws Exception {
        SampleProject project = multilingual();
        String raids = SampleProject.text(project.root, "content/en/stop-unjust-raids.md");
        project.write("content/en/stop-unjust-raids.md",
                raids.replaceFirst("slug: stop-unjust-raids\n", "slug: stop-unjust-raids\naliases:\n"
                        + "  - stop-the-raids\n  - /campaigns/raids.html\n"));
        project.build();
        Path site = project.site();
        assertThat(SampleProject.text(site, "_redirects")).isEqualTo("""
                # Written by Broadside from 'aliases:' in front matter.
                /campaigns/raids.html /stop-unjust-raids/ 301
                /es/alto-redadas/ /es/stop-unjust-raids/ 301
                /stop-the-raids/ /stop-unjust-raids/ 301
                """);
        for (String[] redirect : new String[][] {{"stop-the-raids/index.html", "/stop-unjust-raids/"},
                {"campaigns/raids.html", "/stop-unjust-raids/"}, {"es/alto-redadas/index.html", "/es/stop-unjust-raids/"}}) {
            Document page = SampleProject.html(site, redirect[0]);
            assertThat(page.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=" + redirect[1]);
            assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + redirect[1].substring(1));
            assertThat(page.select("a[href=" + redirect[1] + "]")).hasSize(1);
            assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
            assertThat(page.select("script")).isEmpty();
        }
        assertThat(SampleProject.text(site, "sitemap.xml")).doesNotContain("stop-the-raids", "alto-redadas");
    }

    @Test
    void anAliasCannotTakeAPublishedAddress() throws Exception {
        SampleProject project = SampleProject.copy(tmp);
        String raids = SampleProject.text(project.root, "content/en/stop-unjust-raids.md");
        project.write("content/en/stop-unjust-raids.md", raids.replaceFirst("slug: stop-unjust-raids\n",
                "slug: stop-unjust-raids\naliases: [end-family-detention]\n"));
        BuildFailedException failure = catchThrowableOfType(BuildFailedException.class, project::build);
        assertThat(failure.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/en/stop-unjust-raids.md");
            assertThat(p.message()).contains("'/end-family-detention/' is the address of a page that exists");
        });

        project.write("content/en/stop-unjust-raids.md", raids.replaceFirst("slug: stop-unjust-raids\n",
                "slug: stop-unjust-raids\naliases: [\"../up\"]\n"));
        failure = catchThrowableOfType(BuildFailedException.class, project::build);
        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/en/stop-unjust-raids.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("'../up' is not a path on this site");
        });
    }
}

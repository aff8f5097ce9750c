package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preview deploys and sites on a sub-path: {@code -Dbroadside.baseUrl} replaces the address of every
 * absolute URL, and on {@code https://example.org/repo/} every link, asset, card and feed address
 * resolves to a file the build wrote.
 */
class BaseUrlTest {
    @TempDir
    Path tmp;

    @Test
    void previewBaseUrlReplacesEveryAbsoluteAddress() throws Exception {
        String preview = "https://preview-123.example.org/";
        Path site = tmp.resolve("site");
        new SiteBuilder(BuildOptions.builder(SampleProject.REPO).output(site).baseUrl(preview).build()).build();
        Document page = SampleProject.html(site, "stop-unjust-raids/index.html");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(preview + "stop-unjust-raids/");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(preview + "stop-unjust-raids/");
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo(preview + "stop-unjust-raids/card.png");
        for (String file : Set.of("sitemap.xml", "feed.xml", "robots.txt")) {
            String text = SampleProject.text(site, file);
            assertThat(text).as(file).contains(preview).doesNotContain("https://broadside.example.org/s",
                    "<loc>https://broadside.example.org/", "<id>https://broadside.example.org/");
        }
    }

    @Test
    void subPathSiteLinksAllResolve() throws Exception {
        SampleProject project = SampleProject.copy(tmp.resolve("project"));
        // A root-relative link and image in Markdown, an alias, and an image in content/static.
        project.write("content/en/linked.md", """
                ---
                title: "Linked"
                date: 2020-01-01
                aliases: [old-linked]
                ---

                Read the [privacy notice](/privacy/) and the [campaigns](/).

                ![A blue square](/images/square.png)
                """);
        // A donation page on the site itself: the thank-you page's donate button links to it.
        Path detention = project.root.resolve("content/en/end-family-detention.md");
        java.nio.file.Files.writeString(detention, java.nio.file.Files.readString(detention)
                .replace("url: \"https://example.org/nnirr/donate\"", "url: \"/privacy/\""));
        java.nio.file.Files.createDirectories(project.root.resolve("content/static/images"));
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", project.root.resolve("content/static/images/square.png").toFile());
        String base = "https://example.org/repo/";
        BuildResult result = new SiteBuilder(project.options().toBuilder().baseUrl(base).build()).build();
        assertThat(result.warnings()).isEmpty();
        Path site = project.site();
        Map<String, Path> files = SampleProject.files(site);

        int checked = 0;
        for (String file : SampleProject.htmlFiles(site)) {
            Document page = SampleProject.html(site, file);
            for (Element element : page.select("[href], [src], meta[property=og:image], meta[http-equiv=refresh]")) {
                String url = element.hasAttr("href") ? element.attr("href")
                        : element.hasAttr("src") ? element.attr("src")
                        : element.attr("content").replaceFirst("^\\d+;\\s*url=", "");
                if (url.startsWith("#") || url.startsWith("mailto:") || url.startsWith("tel:")
                        || (url.contains("://") && !url.startsWith(base))) {
                    continue;
                }
                String path = url.startsWith(base) ? "/repo/" + url.substring(base.length()) : url;
                assertThat(path).as(file + ": " + url).startsWith("/repo/");
                String inSite = path.substring("/repo/".length()).replaceAll("[?#].*$", "");
                String target = inSite.isEmpty() || inSite.endsWith("/") ? inSite + "index.html" : inSite;
                assertThat(files).as(file + ": " + url).containsKey(target);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);

        Document linked = SampleProject.html(site, "linked/index.html");
        assertThat(linked.select(".campaign-body a").eachAttr("href")).containsExactly("/repo/privacy/", "/repo/");
        Element image = linked.selectFirst(".campaign-body img");
        assertThat(image.attr("src")).isEqualTo("/repo/images/square.png");
        assertThat(SampleProject.html(site, "end-family-detention/thanks/index.html").select(".donate a.button")
                .eachAttr("href")).containsExactly("/repo/privacy/");
        assertThat(image.attr("width")).isEqualTo("40");
        assertThat(image.attr("height")).isEqualTo("30");
        assertThat(SampleProject.text(site, "_headers")).contains("\n/repo/*\n", "\n/repo/assets/*\n");
        assertThat(SampleProject.text(site, "_redirects")).contains("/repo/old-linked/ /repo/linked/ 301");
        assertThat(SampleProject.text(site, "sitemap.xml")).contains("<loc>" + base + "linked/</loc>");
        assertThat(SampleProject.text(site, "feed.xml")).contains("<id>" + base + "linked/</id>",
                "href=\"" + base + "feed.xml\"");
    }
}

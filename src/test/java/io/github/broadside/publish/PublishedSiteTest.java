package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.LanguageSummary;
import io.github.broadside.SiteBuilder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Builds the sample site once and checks what a static host would serve: canonical and sharing
 * meta, share cards, sitemap, robots.txt, the Atom feed, the 404 page, _headers and the CSP, the
 * fingerprinted stylesheet and the build summary.
 */
class PublishedSiteTest {
    static final String BASE = "https://broadside.example.org/";

    @TempDir
    static Path tmp;
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        site = tmp.resolve("site");
        result = new SiteBuilder(BuildOptions.builder(SampleProject.REPO).output(site).build()).build();
        Map<String, Path> files = SampleProject.files(site);
        long total = 0;
        String largest = "";
        long largestSize = -1;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            long size = Files.size(file.getValue());
            total += size;
            if (file.getKey().endsWith(".html") && size > largestSize) {
                largest = file.getKey();
                largestSize = size;
            }
        }
        System.out.printf("sample site: %d files, %d bytes; largest page %s (%d bytes)%n", files.size(), total,
                largest, largestSize);
    }

    /** Pages that stand for themselves (not the 404 page). */
    static List<String> contentPages() {
        return SampleProject.htmlFiles(site).stream().filter(p -> !p.endsWith("404.html")).toList();
    }

    static String sitePath(String file) {
        return "/" + file.substring(0, file.length() - "index.html".length());
    }

    @Test
    void everyPageHasItsCanonicalAddressAndSharingMeta() {
        assertThat(contentPages()).hasSizeGreaterThan(10);
        for (String file : contentPages()) {
            Document page = SampleProject.html(site, file);
            String url = BASE + sitePath(file).substring(1);
            assertThat(page.select("link[rel=canonical]").attr("href")).as(file).isEqualTo(url);
            assertThat(page.select("meta[property=og:url]").attr("content")).as(file).isEqualTo(url);
            assertThat(page.select("meta[property=og:title]").attr("content")).as(file).isNotBlank();
            assertThat(page.select("meta[name=twitter:card]").attr("content")).as(file)
                    .isEqualTo("summary_large_image");
            String home = file.startsWith("es/") ? "/es/" : file.startsWith("ar/") ? "/ar/" : "/";
            assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href")).as(file)
                    .isEqualTo(home + "feed.xml");
        }
    }

    @Test
    void campaignPagesShareTheirOwnCard() throws IOException {
        Document page = SampleProject.html(site, "stop-unjust-raids/index.html");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("Stop Unjust Immigration Raids");
        assertThat(page.select("meta[property=og:description]").attr("content"))
                .startsWith("Raise your voice against unjust immigration raids");
        String image = page.select("meta[property=og:image]").attr("content");
        assertThat(image).isEqualTo(BASE + "stop-unjust-raids/card.png");
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
        assertThat(page.select("meta[property=og:image:height]").attr("content")).isEqualTo("630");
        BufferedImage card = ImageIO.read(site.resolve("stop-unjust-raids/card.png").toFile());
        assertThat(card.getWidth()).isEqualTo(1200);
        assertThat(card.getHeight()).isEqualTo(630);
        for (String file : contentPages()) {
            String shared = SampleProject.html(site, file).select("meta[property=og:image]").attr("content");
            assertThat(shared).as(file).startsWith(BASE);
            assertThat(site.resolve(shared.substring(BASE.length()))).as(file).isRegularFile();
        }
    }

    @Test
    void sitemapListsEveryPageWithContentDates() throws Exception {
        org.w3c.dom.Document xml = xml(site.resolve("sitemap.xml"));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapWriter.NS);
        NodeList locs = xml.getElementsByTagNameNS(SitemapWriter.NS, "loc");
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < locs.getLength(); i++) {
            String loc = locs.item(i).getTextContent();
            assertThat(loc).startsWith(BASE);
            assertThat(site.resolve(java.net.URLDecoder.decode(loc.substring(BASE.length()),
                    java.nio.charset.StandardCharsets.UTF_8)).resolve("index.html")).isRegularFile();
            listed.add(java.net.URLDecoder.decode(loc, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> pages = new HashSet<>();
        // Thank-you and cover-your-tracks pages ask not to be indexed, so the sitemap leaves them out.
        contentPages().stream().filter(f -> SampleProject.html(site, f).select("meta[name=robots][content=noindex]")
                .isEmpty()).forEach(f -> pages.add(BASE + sitePath(f).substring(1)));
        assertThat(listed).isEqualTo(pages);
        NodeList dates = xml.getElementsByTagNameNS(SitemapWriter.NS, "lastmod");
        assertThat(dates.getLength()).isGreaterThan(0);
        for (int i = 0; i < dates.getLength(); i++) {
            assertThat(dates.item(i).getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        // A translation linked by translationKey (es/financiar-gestion-de-casos-familiares.md) is an alternate too.
        assertThat(SampleProject.text(site, "sitemap.xml")).contains("hreflang=\"es\" href=\"" + BASE
                + "es/financiar-gestion-de-casos-familiares/\"");
        // The newest content date of the sample, not the day of the build.
        assertThat(SampleProject.text(site, "sitemap.xml")).contains("<lastmod>2019-07-04</lastmod>");
        assertThat(SampleProject.text(site, "robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml");
    }

    @Test
    void atomFeedHasEveryRequiredElement() throws Exception {
        org.w3c.dom.Document xml = xml(site.resolve("feed.xml"));
        org.w3c.dom.Element feed = xml.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeed.NS);
        assertThat(child(feed, "id")).isEqualTo(BASE);
        assertThat(child(feed, "title")).isEqualTo("Broadside sample campaigns");
        assertThat(OffsetDateTime.parse(child(feed, "updated")).toLocalDate()).hasToString("2019-07-04");
        assertThat(children(feed, "author")).hasSize(1);
        assertThat(child((org.w3c.dom.Element) children(feed, "author").get(0), "name")).isNotBlank();
        boolean self = false;
        for (org.w3c.dom.Node link : children(feed, "link")) {
            org.w3c.dom.Element l = (org.w3c.dom.Element) link;
            self |= l.getAttribute("rel").equals("self") && l.getAttribute("href").equals(BASE + "feed.xml");
        }
        assertThat(self).as("rel=self link").isTrue();
        List<org.w3c.dom.Node> entries = children(feed, "entry");
        // Five campaigns and the update of "Stop Unjust Immigration Raids".
        assertThat(entries).hasSize(6);
        Set<String> ids = new HashSet<>();
        for (org.w3c.dom.Node node : entries) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) node;
            String id = child(entry, "id");
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(id).startsWith(BASE);
            assertThat(child(entry, "title")).isNotBlank();
            OffsetDateTime.parse(child(entry, "updated"));
            assertThat(children(entry, "link")).isNotEmpty();
        }
        assertThat(ids).contains(BASE + "stop-unjust-raids/#update-2016-01-21");
        String firstUpdated = child((org.w3c.dom.Element) entries.get(0), "updated");
        assertThat(firstUpdated).isEqualTo(child(feed, "updated"));
    }

    @Test
    void notFoundPageIsInTheSiteLookAndNotIndexed() {
        Document page = SampleProject.html(site, "404.html");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("main a[href=/]")).hasSize(1);
        assertThat(page.select("link[rel=stylesheet]").attr("href")).startsWith("/assets/style.");
        assertThat(page.select("header.site-header")).hasSize(1);
    }

    @Test
    void stylesheetIsFingerprintedByItsContent() throws Exception {
        String href = SampleProject.html(site, "index.html").select("link[rel=stylesheet]").attr("href");
        Matcher m = Pattern.compile("/assets/style\\.([0-9a-f]{8})\\.css").matcher(href);
        assertThat(m.matches()).as(href).isTrue();
        byte[] css = Files.readAllBytes(site.resolve(href.substring(1)));
        assertThat(AssetFingerprinter.hash(css)).startsWith(m.group(1));
        assertThat(site.resolve("assets/style.css")).doesNotExist();
        assertThat(SampleProject.text(site, "_headers"))
                .contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n");
        for (String file : SampleProject.htmlFiles(site)) {
            for (Element link : SampleProject.html(site, file).select("link[rel=stylesheet]")) {
                assertThat(link.attr("href")).as(file).isEqualTo(href);
            }
        }
    }

    @Test
    void headersCarryAStrictPolicyThatEveryPageAlsoDeclares() {
        String headers = SampleProject.text(site, "_headers");
        Map<String, String> all = headerBlock(headers, "/*");
        Map<String, List<String>> csp = ContentSecurityPolicy.parse(all.get("Content-Security-Policy"));
        assertThat(csp.get("default-src")).containsExactly("'self'");
        assertThat(csp.get("script-src")).containsExactly("'self'");
        assertThat(csp.get("style-src")).containsExactly("'self'");
        assertThat(csp.get("img-src")).containsExactly("'self'");
        assertThat(csp.get("object-src")).containsExactly("'none'");
        assertThat(csp.get("frame-ancestors")).containsExactly("'none'");
        assertThat(csp.get("base-uri")).containsExactly("'none'");
        // No form provider configured in the sample yet: forms may post to the site only.
        assertThat(csp.get("form-action")).containsExactly("'self'");
        assertThat(csp.get("connect-src")).containsExactly("'self'");
        assertThat(all.get("Content-Security-Policy")).doesNotContain("unsafe");
        assertThat(all).containsEntry("Referrer-Policy", "strict-origin-when-cross-origin")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY");
        assertThat(all.get("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(all).doesNotContainKey("Cache-Control");

        Map<String, List<String>> meta = new java.util.LinkedHashMap<>(csp);
        meta.remove("frame-ancestors");
        for (String file : SampleProject.htmlFiles(site)) {
            Document page = SampleProject.html(site, file);
            Element tag = page.selectFirst("meta[http-equiv=Content-Security-Policy]");
            assertThat(tag).as(file).isNotNull();
            assertThat(ContentSecurityPolicy.parse(tag.attr("content"))).as(file).isEqualTo(meta);
            // Declared before the stylesheet, as a meta policy governs only what comes after it.
            assertThat(tag.elementSiblingIndex()).as(file)
                    .isLessThan(page.selectFirst("link[rel=stylesheet]").elementSiblingIndex());
        }
    }

    @Test
    void noPageHasInlineScriptOrStyleOrLoadsFromAnotherSite() {
        for (String file : SampleProject.htmlFiles(site)) {
            Document page = SampleProject.html(site, file);
            assertThat(page.select("script:not([src])")).as(file).isEmpty();
            assertThat(page.select("style, [style]")).as(file).isEmpty();
            for (Element element : page.select("[src], link[rel=stylesheet]")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                assertThat(url).as(file).startsWith("/");
                assertThat(url).as(file).doesNotStartWith("//");
            }
        }
    }

    @Test
    void summaryCountsPagesFeedsAndBytesPerLanguage() throws IOException {
        Map<String, Path> files = new java.util.TreeMap<>(SampleProject.files(site));
        // The marker that lets the next build replace the folder is not part of the site.
        assertThat(files.remove(SiteWriter.MARKER)).isNotNull();
        long bytes = 0;
        for (Path file : files.values()) {
            bytes += Files.size(file);
        }
        assertThat(result.bytes()).isEqualTo(bytes);
        LanguageSummary en = result.languages().get(0);
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.pages()).isEqualTo(SampleProject.htmlFiles(site).stream()
                .filter(f -> !f.startsWith("es/") && !f.startsWith("ar/")).count());
        assertThat(en.feeds()).isEqualTo(1);
        assertThat(result.languages().stream().mapToInt(LanguageSummary::files).sum()).isEqualTo(files.size());
        assertThat(result.languages().get(result.languages().size() - 1).language())
                .isEqualTo(LanguageSummary.SHARED);
        assertThat(en.format()).startsWith("en").contains(en.pages() + " pages, 1 feed");
    }

    static Map<String, String> headerBlock(String headers, String path) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        boolean inside = false;
        for (String line : headers.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                inside = line.strip().equals(path);
                continue;
            }
            if (inside) {
                int colon = line.indexOf(':');
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    static org.w3c.dom.Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static List<org.w3c.dom.Node> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Node> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && name.equals(e.getLocalName())
                    && AtomFeed.NS.equals(e.getNamespaceURI())) {
                out.add(n);
            }
        }
        return out;
    }

    static String child(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Node> found = children(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getLocalName() + ">").hasSize(1);
        return found.get(0).getTextContent();
    }
}

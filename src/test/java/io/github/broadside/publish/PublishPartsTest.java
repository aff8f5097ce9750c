package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.config.Origin;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish stage's parts on their own: fingerprints, page scans, the policy, sitemaps, link resolution. */
class PublishPartsTest {
    @TempDir
    Path tmp;

    @Test
    void fingerprintingRenamesEveryAssetAndRewritesStylesheetReferences() throws Exception {
        Path parent = tmp.resolve("parent/assets");
        Path child = tmp.resolve("child/assets");
        Files.createDirectories(parent.resolve("fonts"));
        Files.createDirectories(child.resolve("img"));
        Files.writeString(parent.resolve("fonts/inter.woff2"), "font bytes");
        Files.writeString(parent.resolve("style.css"), "old");
        Files.writeString(parent.resolve("broadside.js"), "console.log(1)");
        Files.writeString(child.resolve("img/logo.svg"), "<svg/>");
        Files.writeString(child.resolve("style.css"), """
                @font-face { font-family: Inter; src: url("fonts/inter.woff2?v=2") format("woff2"); }
                .logo { background: url(img/logo.svg); }
                .mark { background: url('/assets/img/logo.svg#mark'); }
                .ext { background: url(https://example.org/x.png); }
                .gone { background: url(missing.png); }
                """);
        Problems problems = new Problems();
        AssetFingerprinter.Result result = new AssetFingerprinter(p -> tmp.relativize(p).toString())
                .fingerprint(List.of(parent, child), problems);
        Map<String, String> paths = result.urls().sitePaths();
        assertThat(paths.keySet()).containsExactlyInAnyOrder("broadside.js", "fonts/inter.woff2", "img/logo.svg", "style.css");
        assertThat(paths.get("broadside.js")).matches("/assets/broadside\\.[0-9a-f]{8}\\.js");
        assertThat(paths.get("fonts/inter.woff2")).matches("/assets/fonts/inter\\.[0-9a-f]{8}\\.woff2");
        String font = paths.get("fonts/inter.woff2").substring("/assets/".length());
        String logo = paths.get("img/logo.svg").substring("/assets/".length());
        Page css = result.files().stream().filter(p -> p.path().startsWith("assets/style.")).findFirst().orElseThrow();
        String text = new String(css.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("url(\"" + font + "?v=2\")", "url(" + logo + ")", "url('" + logo + "#mark')",
                "url(https://example.org/x.png)", "url(missing.png)");
        // The child theme's stylesheet wins, and its name is the hash of the rewritten text.
        assertThat(css.path()).isEqualTo("assets/" + AssetFingerprinter.hashedName("style.css", css.bytes()));
        assertThat(result.sources()).containsEntry(css.path(), "child/assets/style.css");
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("child/assets/style.css");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("missing.png");
        });
        assertThat(result.urls().sitePath("/assets/style.css")).contains("/" + css.path());
        assertThat(result.urls().sitePath("nothing.css")).isEmpty();
        assertThat(AssetFingerprinter.hashedName("LICENSE", new byte[0])).matches("LICENSE\\.[0-9a-f]{8}");
        assertThat(AssetFingerprinter.relative("css/a.css", "img/b.1234.png")).isEqualTo("../img/b.1234.png");
    }

    @Test
    void scansFindLoadsFormsLinksAndInlineCode() {
        PageScan page = PageScan.html("x/index.html", """
                <html><head>
                <link rel="stylesheet" href="/assets/a.css"><link rel="preconnect" href="https://fonts.gstatic.com">
                <link rel="icon" href="/favicon.png"><link rel="canonical" href="https://example.org/x/">
                <meta property="og:image" content="https://example.org/x/card.png">
                </head><body>
                <img src="a.png" srcset="a-2x.png 2x, https://cdn.example.net/a-3x.png 3x">
                <picture><source srcset="b.webp"></picture><video poster="p.jpg"><source src="v.mp4"></video>
                <script src="/assets/b.js"></script><script type="application/ld+json">{}</script>
                <script>alert(1)</script><p style="color:red" onclick="x()">t</p><a href="javascript:void(0)">j</a>
                <form action="https://formspree.io/f/abc" method="post"><button formaction="/other">b</button></form>
                <a href="/y/">y</a><iframe src="https://video.example.com/e"></iframe>
                </body></html>
                """);
        assertThat(page.uses()).extracting(u -> u.directive() + " " + u.url()).contains(
                "STYLE /assets/a.css", "PRECONNECT https://fonts.gstatic.com", "IMG /favicon.png",
                "LINK https://example.org/x/", "LINK https://example.org/x/card.png", "IMG a.png", "IMG a-2x.png",
                "IMG https://cdn.example.net/a-3x.png", "IMG b.webp", "IMG p.jpg", "MEDIA v.mp4", "SCRIPT /assets/b.js",
                "FORM https://formspree.io/f/abc", "FORM /other", "LINK /y/", "FRAME https://video.example.com/e");
        assertThat(page.inlineCode()).containsExactlyInAnyOrder("an inline <script> element",
                "a style=\"\" attribute on <p>", "an event handler onclick=\"\" on <p>",
                "a javascript: address in href=\"\" on <a>");

        PageScan css = PageScan.css("assets/s.css", """
                @import url("https://fonts.googleapis.com/css2?family=Inter");
                /* url(commented.png) */
                @font-face { font-family: X; src: url(x.woff2) format("woff2"); }
                body { background: url('bg.png') }
                """);
        assertThat(css.uses()).extracting(u -> u.directive() + " " + u.url()).containsExactlyInAnyOrder(
                "STYLE https://fonts.googleapis.com/css2?family=Inter", "FONT x.woff2", "IMG bg.png");
    }

    @Test
    void policyListsFormProvidersAndUsedOriginsOnly() {
        Origin site = Origin.parse("https://campaigns.example.org/").orElseThrow();
        List<Use> uses = List.of(
                new Use("a.html", Directive.FORM, "https://formspree.io/f/abc"),
                new Use("b.html", Directive.FORM, "https://FORMSPREE.io:443/f/def"),
                new Use("a.html", Directive.FORM, "/thanks/"),
                new Use("a.html", Directive.IMG, "https://campaigns.example.org/x.png"),
                new Use("a.html", Directive.IMG, "data:image/png;base64,AAAA"),
                new Use("a.html", Directive.IMG, "https://images.example-cdn.net/x.png"),
                new Use("a.html", Directive.LINK, "https://news.example.com/"),
                new Use("a.html", Directive.PRECONNECT, "https://fonts.gstatic.com"));
        ContentSecurityPolicy policy = ContentSecurityPolicy.derive(uses, site, Set.of("https://api.example-forms.org"));
        Map<String, List<String>> parsed = ContentSecurityPolicy.parse(policy.header());
        assertThat(parsed).isEqualTo(policy.directives());
        assertThat(parsed.get("form-action")).containsExactly("'self'", "https://api.example-forms.org",
                "https://formspree.io");
        assertThat(parsed.get("connect-src")).isEqualTo(parsed.get("form-action"));
        assertThat(parsed.get("img-src")).containsExactly("'self'", "data:", "https://images.example-cdn.net");
        assertThat(parsed.get("default-src")).containsExactly("'self'");
        assertThat(parsed).containsKey("upgrade-insecure-requests").doesNotContainKey("frame-src");
        assertThat(policy.header()).doesNotContain("news.example.com", "gstatic", "unsafe");
        assertThat(ContentSecurityPolicy.parse(policy.meta())).doesNotContainKey("frame-ancestors")
                .containsKey("form-action");

        ContentSecurityPolicy local = ContentSecurityPolicy.derive(List.of(),
                Origin.parse("http://localhost:8080/").orElseThrow(), Set.of());
        assertThat(local.directives()).doesNotContainKey("upgrade-insecure-requests");
        assertThat(local.directives().get("form-action")).containsExactly("'self'");
    }

    @Test
    void largeSitesGetASitemapIndex() throws Exception {
        SiteConfig config = SiteConfigLoader.defaults().withBaseUrl(URI.create("https://example.org/"));
        List<SitemapWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(new SitemapWriter.Entry("/page-" + i + "/", Optional.of(LocalDate.of(2020, 1, 1 + i)),
                    Map.of()));
        }
        List<Page> pages = new SitemapWriter(config, 2).write(entries);
        assertThat(pages).extracting(Page::path).containsExactly("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml",
                "sitemap-3.xml");
        String index = new String(pages.get(0).bytes(), StandardCharsets.UTF_8);
        assertThat(index).contains("<sitemapindex xmlns=\"" + SitemapWriter.NS + "\">",
                "<loc>https://example.org/sitemap-3.xml</loc>", "<lastmod>2020-01-05</lastmod>");
        assertThat(new String(pages.get(3).bytes(), StandardCharsets.UTF_8))
                .contains("<loc>https://example.org/page-4/</loc>").doesNotContain("page-3");
        assertThat(new SitemapWriter(config).write(entries)).extracting(Page::path).containsExactly("sitemap.xml");
    }

    @Test
    void addressesResolveLikeAStaticHost() {
        SiteConfig config = SiteConfigLoader.defaults().withBaseUrl(URI.create("https://example.org/repo/"));
        LinkResolver resolver = new LinkResolver(config);
        assertThat(resolver.resolve("a/index.html", "/repo/b/")).isEqualTo(new LinkResolver.Local("b/index.html"));
        assertThat(resolver.resolve("a/index.html", "/repo")).isEqualTo(new LinkResolver.Local("index.html"));
        assertThat(resolver.resolve("a/index.html", "card.png?x#y")).isEqualTo(new LinkResolver.Local("a/card.png"));
        assertThat(resolver.resolve("a/index.html", "../c%20d.png")).isEqualTo(new LinkResolver.Local("c d.png"));
        assertThat(resolver.resolve("a/index.html", "https://example.org/repo/feed.xml"))
                .isEqualTo(new LinkResolver.Local("feed.xml"));
        assertThat(resolver.resolve("a/index.html", "/privacy/")).isEqualTo(new LinkResolver.OutsideBase("/privacy/"));
        assertThat(resolver.resolve("a/index.html", "https://example.org/other-repo/"))
                .isInstanceOf(LinkResolver.Elsewhere.class);
        assertThat(resolver.resolve("a/index.html", "mailto:x@example.org")).isInstanceOf(LinkResolver.Elsewhere.class);
        assertThat(resolver.resolve("a/index.html", "#top")).isInstanceOf(LinkResolver.Elsewhere.class);
        assertThat(resolver.isThirdParty("//cdn.example.net/x.js")).isTrue();
        assertThat(resolver.isThirdParty("https://EXAMPLE.org:443/x.js")).isFalse();
    }

    @Test
    void imageSizesAreAddedOnlyWhereMissing() {
        String html = "<p><img src=\"/a.png\" alt=\"A\"> <img src=\"/b.png\" width=\"5\" alt=\"\">"
                + " <img alt=\"\" src=\"/c.svg\"/></p>";
        String done = ImageSizes.complete(html, src -> src.equals("/a.png")
                ? Optional.of(new java.awt.Dimension(640, 480)) : Optional.empty());
        assertThat(done).isEqualTo("<p><img src=\"/a.png\" alt=\"A\" width=\"640\" height=\"480\">"
                + " <img src=\"/b.png\" width=\"5\" alt=\"\"> <img alt=\"\" src=\"/c.svg\"/></p>");
    }

    /** The tags a plain {@code find()} over the whole page sees: what {@code complete} did before its prefilter. */
    private static String byRegexAlone(String html, java.util.function.Function<String, Optional<java.awt.Dimension>> sizeOf) {
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<[iI][mM][gG]\\b[^>]*>").matcher(html);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (tags.find()) {
            String tag = tags.group();
            java.util.regex.Matcher src = java.util.regex.Pattern.compile("\\ssrc=\"([^\"]*)\"",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(tag);
            if (java.util.regex.Pattern.compile("\\s(width|height)=", java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(tag).find() || !src.find()) {
                continue;
            }
            Optional<java.awt.Dimension> size = sizeOf.apply(org.jsoup.parser.Parser.unescapeEntities(src.group(1), true));
            if (size.isEmpty()) {
                continue;
            }
            int end = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
            out.append(html, last, tags.start()).append(tag.substring(0, end).stripTrailing()).append(" width=\"")
                    .append(size.get().width).append("\" height=\"").append(size.get().height).append('"')
                    .append(tag.substring(end));
            last = tags.end();
        }
        return out.append(html, last, html.length()).toString();
    }

    @Test
    void imageSizesFindTheSameTagsAsTheRegularExpressionAlone() {
        java.util.function.Function<String, Optional<java.awt.Dimension>> sizeOf = src -> src.startsWith("/")
                ? Optional.of(new java.awt.Dimension(src.length(), 7)) : Optional.empty();
        List<String> cases = new ArrayList<>(List.of("", "<", "<i", "<im", "<img", "<img>", "<IMG SRC=\"/x.png\">",
                "<ImG src=\"/a.png\"/>", "<imgx src=\"/a.png\">", "<img alt=\"<img src=&quot;/b.png&quot;>\" src=\"/a.png\">",
                "<<img src=\"/a.png\">", "x<img src=\"/a.png\"", "<img\tsrc=\"/a.png\">", "<img-src=\"/a.png\">"));
        java.util.Random random = new java.util.Random(16);
        String[] pieces = {"<", ">", "img", "IMG", "iMg", " src=\"/p.png\"", " src=\"https://x/\"", " width=1", "a",
                " ", "/", "\"", "<p>", "é", "\n"};
        for (int i = 0; i < 5000; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            cases.add(html.toString());
        }
        for (String html : cases) {
            assertThat(ImageSizes.complete(html, sizeOf)).as(html).isEqualTo(byRegexAlone(html, sizeOf));
        }
    }
}

package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private Element html(String text) {
        return Jsoup.parseBodyFragment(markdown.toHtml(text)).body();
    }

    @Test
    void commonMarkWithTablesStrikethroughAndAutolinks() {
        Element body = html("""
                ## Why

                **bold** and *em* and ~~gone~~

                | Who | When |
                |:---|---:|
                | DHS | now |

                See https://example.org/report for more.
                """);
        assertThat(body.selectFirst("h2#why")).isNotNull();
        assertThat(body.select("strong").text()).isEqualTo("bold");
        assertThat(body.select("em").text()).isEqualTo("em");
        assertThat(body.select("del").text()).isEqualTo("gone");
        assertThat(body.select("table th")).extracting(Element::text).containsExactly("Who", "When");
        assertThat(body.select("td").first().text()).isEqualTo("DHS");
        assertThat(body.select("a").attr("href")).isEqualTo("https://example.org/report");
        // Alignment must not become style="" (a strict CSP refuses inline style).
        assertThat(body.select("[style]")).isEmpty();
    }

    @Test
    void headingsMoveDownWhenTheBodyUsesH1() {
        Element body = html("# Top\n\n## Sub\n");
        assertThat(body.select("h1")).isEmpty();
        assertThat(body.select("h2").text()).isEqualTo("Top");
        assertThat(body.select("h3").text()).isEqualTo("Sub");
    }

    @Test
    void headingsStayWhenThereIsNoH1() {
        assertThat(html("## Sub\n").select("h2").text()).isEqualTo("Sub");
    }

    @Test
    void inlineDropsTheSingleParagraph() {
        assertThat(markdown.toInlineHtml("**THANK YOU!** It worked.")).isEqualTo("<strong>THANK YOU!</strong> It worked.");
        assertThat(markdown.toInlineHtml("one\n\ntwo")).isEqualTo("<p>one</p>\n<p>two</p>");
        assertThat(markdown.toInlineHtml("<p>a</p><p>b</p>")).isEqualTo("<p>a</p><p>b</p>");
        assertThat(markdown.toHtml("   ")).isEmpty();
    }

    @Test
    void safeLinksSurvive() {
        Element body = html("[a](https://example.org) [b](/privacy/) [c](mailto:x@example.org) [d](tel:+1202) [e](#why)");
        assertThat(body.select("a")).extracting(a -> a.attr("href"))
                .containsExactly("https://example.org", "/privacy/", "mailto:x@example.org", "tel:+1202", "#why");
    }

    @Test
    void sitePathsAreMappedForASubPathSite() {
        MarkdownRenderer subPath = new MarkdownRenderer(path -> "/repo" + path);
        Element body = Jsoup.parseBodyFragment(subPath.toHtml(
                "[a](/privacy/) [b](https://example.org/) [c](#why) [d](//cdn.example/x) ![e](/images/e.png)")).body();
        assertThat(body.select("a")).extracting(a -> a.attr("href"))
                .containsExactly("/repo/privacy/", "https://example.org/", "#why", "//cdn.example/x");
        assertThat(body.select("img").attr("src")).isEqualTo("/repo/images/e.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JAVASCRIPT:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<form action=\"https://evil.example\"><input name=a></form>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<details open ontoggle=alert(1)>x</details>",
            "![x](javascript:alert(1))",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"})
    void nothingExecutableSurvives(String dangerous) {
        Element body = html("Text before.\n\n" + dangerous + "\n\nText after.");
        assertThat(body.select("script, iframe, svg, form, input, object, embed, style, math")).isEmpty();
        body.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
            assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
            assertThat(attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase())
                    .doesNotStartWith("javascript:").doesNotStartWith("data:");
        }));
        assertThat(body.text()).startsWith("Text before.");
    }
}

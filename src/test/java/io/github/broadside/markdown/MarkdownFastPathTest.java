package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.github.broadside.bench.CorpusGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownFastPathTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Markdown that takes the fast path (no raw HTML, ordinary links) and its corner cases. */
    static Stream<String> plainMarkdown() {
        List<String> cases = new ArrayList<>(List.of(
                "Hello *world* and **bold** and ~~gone~~.",
                "# Title\n\n## Sub\n\n###### Six\n\ntext",
                "## Only h2\n\n### h3",
                "A [link](https://example.org/a?b=1&c=\"2\") and [relative](/en/x/) and [frag](#top).",
                "[mail](mailto:someone@example.org) [tel](tel:+15550100) ![img](/images/a.png \"A title\")",
                "Bare https://example.org/path and www.example.org and someone@example.org here.",
                "Escaped \\: colon and &amp; entity &copy; &#58; and \\<not html\\>.",
                "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| x | *y* | `z` |",
                "> quote\n> > nested\n\n1. one\n2. two\n\n- a\n- b\n\n---\n\n    code block\n",
                "Line one  \nline two\\\nline three\nsoft",
                "[ref link][r] and ![ref img][r]\n\n[r]: https://example.org/r \"Ref\"",
                "Quotes \"double\" and 'single' and < > & in text; `code <b>` span.",
                "3. starts at three\n4. four",
                "Emoji 🙂 and accents é ñ and RTL مرحبا."));
        for (int i = 0; i < 40; i++) {
            String page = CorpusGenerator.page(i, "en", CorpusGenerator.Flavour.BROADSIDE);
            cases.add(page.substring(page.indexOf("\n---\n") + 5));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("plainMarkdown")
    void fastPathGivesWhatTheSanitizerWouldGive(String markdown) {
        String fast = renderer.toHtml(markdown);
        String sanitized = renderer.toHtmlThroughSanitizer(markdown);
        assertThat(reparsed(fast)).isEqualTo(sanitized);
    }

    @ParameterizedTest
    @MethodSource("plainMarkdown")
    void fastPathWritesNoSelfClosingSlashOrDroppedAttributes(String markdown) {
        String fast = renderer.toHtml(markdown);
        assertThat(fast).doesNotContain(" />").doesNotContain(" align=").doesNotContain(" class=");
    }

    @ParameterizedTest
    @MethodSource("plainMarkdown")
    void fastPathMapsSitePathsLikeTheSanitizedPath(String markdown) {
        MarkdownRenderer subPath = new MarkdownRenderer(path -> "/repo" + path);
        assertThat(reparsed(subPath.toHtml(markdown))).isEqualTo(subPath.toHtmlThroughSanitizer(markdown));
    }

    @Test
    void sitePathsGetTheBasePathAndOtherAddressesDoNot() {
        MarkdownRenderer subPath = new MarkdownRenderer(path -> "/repo" + path);
        String html = subPath.toHtml("[a](/privacy/) [b](//cdn.example.org/x) [c](https://x.org/) ![i](/img/a.png)");
        assertThat(html).contains("href=\"/repo/privacy/\"").contains("href=\"//cdn.example.org/x\"")
                .contains("href=\"https://x.org/\"").contains("src=\"/repo/img/a.png\"");
    }

    @Test
    void headingsMoveDownOnlyWhenTheBodyHasAnH1() {
        assertThat(renderer.toHtml("# A\n\n## B\n\n###### F")).contains("<h2 id=\"a\">").contains("<h3 id=\"b\">")
                .contains("<h6 id=\"f\">");
        assertThat(renderer.toHtml("## B")).contains("<h2 id=\"b\">");
    }

    @Test
    void tableAlignmentAndCodeClassesAreDropped() {
        String html = renderer.toHtml("| n |\n|--:|\n| 1 |\n\n```java\nx\n```");
        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("td, th")).isNotEmpty().allSatisfy(cell -> assertThat(cell.attributes()).isEmpty());
        assertThat(body.select("code")).allSatisfy(code -> assertThat(code.hasAttr("class")).isFalse());
    }

    static Stream<String> attacks() {
        return Stream.of(
                "<script>alert(1)</script>",
                "Hello <img src=x onerror=alert(1)> there",
                "<a href=\"javascript:alert(1)\">x</a>",
                "[x](javascript:alert(1))",
                "[x](JAVASCRIPT:alert(1))",
                "[x](javascript&#58;alert(1))",
                "[x](java&#x09;script:alert(1))",
                "[x](<javascript:alert(1)>)",
                "[x](vbscript:msgbox(1))",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![x](javascript:alert(1))",
                "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
                "[x][r]\n\n[r]: javascript:alert(1)",
                "![x][r]\n\n[r]: data:text/html,<script>alert(1)</script>",
                "<p style=\"color:red\" onclick=\"alert(1)\">styled</p>",
                "<span style=\"x\">inline</span> *md*",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<!-- comment --> text <svg onload=alert(1)>",
                "<div>\n\n[ok](https://example.org)\n\n</div>",
                "<javascript:alert(1)>",
                "[x](\"onmouseover=alert(1))");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void nothingThatRunsScriptOrStylesSurvives(String markdown) {
        Element body = Jsoup.parseBodyFragment(renderer.toHtml(markdown)).body();
        assertThat(body.select("script, iframe, svg, object, embed, style")).isEmpty();
        for (Element element : body.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                String value = attribute.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", "");
                assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                        .doesNotStartWith("data:");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void pagesWithRawHtmlOrBadLinksGetTheSanitizersOutput(String markdown) {
        assertThat(renderer.toHtml(markdown)).isEqualTo(renderer.toHtmlThroughSanitizer(markdown));
    }

    @Test
    void aLinkThatCannotBeKeptKeepsItsText() {
        for (String markdown : List.of("Go [here](javascript:alert(1)) now", "Go [here](data:text/html,x) now")) {
            Element body = Jsoup.parseBodyFragment(renderer.toHtml(markdown)).body();
            assertThat(body.text()).isEqualTo("Go here now");
            assertThat(body.select("a[href]")).isEmpty();
        }
    }

    /** The autolink guard must link exactly what flexmark's own autolink extension links. */
    static Stream<String> autolinkCases() {
        return Stream.of(
                "Visit https://example.org/a_b?c=d. Then stop.",
                "ftp://files.example.org and HTTP://EXAMPLE.ORG and foo://bar",
                "Write to someone@example.org or a.b+c@sub.example.co.uk!",
                "WWW.EXAMPLE.ORG and www.example.org/path and wwwx.example.org and www.",
                "https&#58;//example.org via entity and https\\://example.org escaped",
                "someone&#64;example.org and http://",
                "No links at all, just words: well, maybe a colon.",
                "*emphasis https://example.org/in-em* and `https://in.code/` and [t](https://x.org) https://y.org",
                "> quoted www.example.org\n\n- item mail@example.org");
    }

    @ParameterizedTest
    @MethodSource("autolinkCases")
    void autolinkingMatchesFlexmarksOwnExtension(String markdown) {
        assertThat(renderWith(new LikelyLinkAutolinkExtension(), markdown))
                .isEqualTo(renderWith(AutolinkExtension.create(), markdown));
    }

    @Test
    void theGuardOnlySkipsTextWithoutLinkCharacters() {
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("plain words, no link")).isFalse();
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("a www. b")).isTrue();
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("WwW.x")).isTrue();
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("x:y")).isTrue();
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("a@b")).isTrue();
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("&#58;")).isTrue();
        assertThat(LikelyLinkAutolinkExtension.mayHoldLink("\\:")).isTrue();
    }

    private static String renderWith(com.vladsch.flexmark.util.misc.Extension autolink, String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), autolink));
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    private static String reparsed(String html) {
        Document document = Jsoup.parseBodyFragment(html, "https://relative.invalid/");
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}

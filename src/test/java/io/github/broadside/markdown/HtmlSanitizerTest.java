package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String clean(String html) {
        return sanitizer.clean(html).html();
    }

    @Test
    void structuralTagsAndHeadingIdsAreKept() {
        assertThat(clean("<h2 id=\"why\">Why</h2><figure><blockquote>q</blockquote><figcaption>c</figcaption></figure>"))
                .isEqualTo("<h2 id=\"why\">Why</h2><figure><blockquote>q</blockquote><figcaption>c</figcaption></figure>");
        assertThat(clean("<abbr title=\"Department of Homeland Security\">DHS</abbr> <mark>x</mark> <s>y</s>"))
                .isEqualTo("<abbr title=\"Department of Homeland Security\">DHS</abbr> <mark>x</mark> <s>y</s>");
        assertThat(clean("<table><tr><th scope=\"col\">a</th></tr></table>")).contains("<th scope=\"col\">a</th>");
    }

    @Test
    void relativeLinksStayRelative() {
        assertThat(clean("<a href=\"/privacy/\">p</a>")).isEqualTo("<a href=\"/privacy/\">p</a>");
        assertThat(clean("<a href=\"tel:+12024561111\">call</a>")).isEqualTo("<a href=\"tel:+12024561111\">call</a>");
    }

    @Test
    void scriptHandlersAndDangerousLinksAreRemoved() {
        assertThat(clean("<p onclick=\"x()\">a<script>alert(1)</script></p>")).isEqualTo("<p>a</p>");
        assertThat(clean("<a href=\"javascript:alert(1)\">x</a>")).isEqualTo("<a>x</a>");
        assertThat(clean("<a href=\"ftp://example.org/\">x</a>")).isEqualTo("<a>x</a>");
        assertThat(clean("<img src=\"x\" onerror=\"alert(1)\">")).doesNotContain("onerror");
        assertThat(clean("<p style=\"color:red\" class=\"x\">a</p>")).isEqualTo("<p>a</p>");
    }
}

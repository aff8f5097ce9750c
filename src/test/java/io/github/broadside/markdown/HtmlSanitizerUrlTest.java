package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlSanitizerUrlTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /** isSafeUrl (cached for common forms) must say what cleaning a real element does. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a|href|https://example.org/x", "a|href|http://example.org/", "a|href|/en/agenda/", "a|href|#top",
        "a|href|//evil.example/x", "a|href|relative/path", "a|href|mailto:a@b.org", "a|href|tel:+1555",
        "a|href|ftp://files.example.org", "a|href|javascript:alert(1)", "a|href|JaVaScRiPt:alert(1)",
        "a|href|data:text/html,x", "a|href|vbscript:x", "a|href|/\tjavascript:x", "a|href|#javascript:x",
        "img|src|https://example.org/a.png", "img|src|/a.png", "img|src|http://example.org/a.png",
        "img|src|data:image/png;base64,AAAA", "img|src|mailto:a@b.org", "img|src|javascript:x",
    })
    void urlVerdictsMatchWhatCleaningKeeps(String tag, String attribute, String url) {
        for (int i = 0; i < 2; i++) { // the second answer comes from the cache
            Element element = new Element(tag).attr(attribute, url);
            String html = element.outerHtml();
            Element cleaned = sanitizer.clean(html).selectFirst(tag);
            boolean kept = cleaned != null && cleaned.hasAttr(attribute);
            assertThat(sanitizer.isSafeUrl(tag, attribute, url)).as(html).isEqualTo(kept);
        }
    }
}

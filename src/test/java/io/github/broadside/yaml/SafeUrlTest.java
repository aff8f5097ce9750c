package io.github.broadside.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG",
            "mailto:team@example.org", "tel:+1-202-555-0100", "/privacy/", "images/a.jpg", "#main", "?q=1",
            "https://example.org/a%20b"})
    void linksThatAreAllowed(String url) {
        assertThat(SafeUrl.problemWith(url, SafeUrl.Use.LINK)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "java\nscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x", "file:///etc/passwd", "ftp://example.org/", "//evil.example/", "/\\evil.example/",
            "https://", "https:example.org", "http://exa mple.org/", "x:y"})
    void linksThatAreRefused(String url) {
        assertThat(SafeUrl.problemWith(url, SafeUrl.Use.LINK)).isPresent();
    }

    @Test
    void imagesAreWebAddressesOrSitePaths() {
        assertThat(SafeUrl.problemWith("/images/a.jpg", SafeUrl.Use.IMAGE)).isEmpty();
        assertThat(SafeUrl.problemWith("https://example.org/a.jpg", SafeUrl.Use.IMAGE)).isEmpty();
        assertThat(SafeUrl.problemWith("mailto:a@b.c", SafeUrl.Use.IMAGE)).isPresent();
        assertThat(SafeUrl.problemWith("tel:1", SafeUrl.Use.IMAGE)).isPresent();
        assertThat(SafeUrl.problemWith("data:image/svg+xml,<svg onload=alert(1)>", SafeUrl.Use.IMAGE)).isPresent();
    }

    @Test
    void messagesNameTheProblem() {
        assertThat(SafeUrl.problemWith("javascript:alert(1)", SafeUrl.Use.LINK))
                .contains("'javascript:' addresses are not allowed here ('javascript:alert(1)')");
        assertThat(SafeUrl.problemWith("java\tscript:x", SafeUrl.Use.LINK))
                .hasValueSatisfying(m -> assertThat(m).contains("control character").doesNotContain("\t"));
        assertThat(SafeUrl.Use.LINK.allowed()).contains("mailto:").contains("tel:").contains("/privacy/");
    }
}

package io.github.broadside.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest
    @CsvSource({
            "Stop the Raids!, stop-the-raids",
            "Año Nuevo, ano-nuevo",
            "  --Action Alerts--  , action-alerts",
            "US 1776, us-1776",
            "../../etc/passwd, etc-passwd",
            "a\\b/c, a-b-c",
            "Ünïcödé Çafé, unicode-cafe",
            "لاجئين, لاجئين",
            "हिंदी पेज, हिंदी-पेज",
            "ラーメン, ラーメン",
            "a \u0301b, a-b",
            "ﬁnal ①, final-1",
            "'!!!', page"})
    void madeFromText(String text, String slug) {
        assertThat(Slug.of(text)).isEqualTo(slug);
        assertThat(Slug.problemWith(Slug.of(text))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop-unjust-raids", "2019", "a", "لاجئين"})
    void validSlugs(String slug) {
        assertThat(Slug.problemWith(slug)).isEmpty();
    }

    @Test
    void pathSeparatorsAndDotsAreNamed() {
        assertThat(Slug.problemWith("a/b")).hasValueSatisfying(m -> assertThat(m).contains("path separator"));
        assertThat(Slug.problemWith("a\\b")).hasValueSatisfying(m -> assertThat(m).contains("path separator"));
        assertThat(Slug.problemWith("..")).hasValueSatisfying(m -> assertThat(m).contains("'..'"));
        assertThat(Slug.problemWith("a..b")).hasValueSatisfying(m -> assertThat(m).contains("'..'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "a_b", "a.b", "-a", "a-", "a--b", "a b", "%2e%2e"})
    void otherInvalidSlugs(String slug) {
        assertThat(Slug.problemWith(slug)).hasValueSatisfying(m -> assertThat(m).contains("may contain only"));
    }
}

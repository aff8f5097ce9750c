package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Direction and names come from CLDR through ICU, for any tag. */
class LanguageTest {
    @ParameterizedTest
    @CsvSource({"ar, rtl", "he, rtl", "fa, rtl", "ur, rtl", "yi, rtl", "ar-MA, rtl", "en, ltr", "es, ltr",
            "pt-BR, ltr", "fr, ltr", "zh-Hant, ltr"})
    void directionFromCldr(String tag, String direction) {
        assertThat(new Language(tag).direction()).isEqualTo(direction);
    }

    @ParameterizedTest
    @CsvSource({"en, English, en, English", "es, Español, es, español", "ar, العربية, es, árabe",
            "en, English, ar, الإنجليزية", "pt-BR, Português (Brasil), en, Portuguese (Brazil)"})
    void namesInItselfAndInTheReadersLanguage(String tag, String own, String reader, String inReader) {
        assertThat(new Language(tag).ownName()).isEqualTo(own);
        assertThat(new Language(tag).nameIn(reader)).isEqualTo(inReader);
    }
}

package io.github.broadside.i18n;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import java.util.Objects;

/**
 * A language of the site, by its BCP 47 tag ({@code es}, {@code pt-BR}, {@code ar}), with what
 * CLDR knows about it through ICU: its writing direction and its name, in itself or in another
 * language. Nothing here is configured by hand, so a new language folder works without a list.
 */
public record Language(String tag) {
    public Language {
        Objects.requireNonNull(tag, "tag");
    }

    private ULocale locale() {
        return ULocale.forLanguageTag(tag);
    }

    /** Whether the language's usual script runs right to left (Arabic, Hebrew, Persian, Urdu ...). */
    public boolean isRightToLeft() {
        return locale().isRightToLeft();
    }

    /** The value of an HTML {@code dir} attribute for text in this language: {@code rtl} or {@code ltr}. */
    public String direction() {
        return isRightToLeft() ? "rtl" : "ltr";
    }

    /** The language's name in itself, capitalized for a menu: "English", "Español", "العربية". */
    public String ownName() {
        return name(locale(), DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU);
    }

    /** The language's name in running text of {@code readerTag}: "inglés" in Spanish, "English" in English. */
    public String nameIn(String readerTag) {
        return name(ULocale.forLanguageTag(readerTag), DisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE);
    }

    private String name(ULocale in, DisplayContext capitalization) {
        String name = LocaleDisplayNames.getInstance(in, capitalization).localeDisplayName(locale());
        // ICU answers with the tag itself for languages it does not know; that is still the best name.
        return name == null || name.isBlank() ? tag : name;
    }
}

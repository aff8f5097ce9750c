package io.github.broadside.forms;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The countries a form's country list offers: every ISO 3166-1 alpha-2 code, named in the page's
 * language from CLDR (ICU4J's {@link ULocale#getDisplayCountry}) and sorted by that language's
 * collation, so a signer picks a name they read and the provider receives the code it wants.
 */
public final class Countries {
    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Map<String, List<Country>> BY_LANGUAGE = new ConcurrentHashMap<>();

    /** One entry of the list: the ISO code sent, the name shown. */
    public record Country(String code, String name) {
    }

    private Countries() {
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 code, e.g. {@code US}. */
    public static boolean isCode(String code) {
        return CODES.contains(code);
    }

    /** Every country, named in {@code language} (a BCP 47 tag) and sorted for it. */
    public static List<Country> in(String language) {
        return BY_LANGUAGE.computeIfAbsent(language, Countries::list);
    }

    private static List<Country> list(String language) {
        ULocale locale = ULocale.forLanguageTag(language);
        List<Country> out = new ArrayList<>();
        for (String code : CODES) {
            out.add(new Country(code, new ULocale("und", code).getDisplayCountry(locale)));
        }
        Collator collator = Collator.getInstance(locale);
        out.sort((a, b) -> collator.compare(a.name(), b.name()));
        return List.copyOf(out);
    }
}

package io.github.broadside.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme's UI strings for every language, formatted with ICU MessageFormat: named arguments,
 * CLDR plural rules ({@code {count, plural, one {# person} other {# people}}}), {@code select},
 * and numbers and dates in the language's own style.
 *
 * <p>A key missing in a language falls back to the default language; a key missing there too
 * renders as the key itself, so a page never breaks over a string. Thread-safe: compiled formats are
 * cached per language and key, and each is used under its own lock (ICU formats are not thread-safe).
 */
public final class Messages {
    private final Map<String, Map<String, String>> patterns;
    private final String defaultLanguage;
    private final Map<String, java.util.Set<String>> sameAsDefault;
    private final Map<String, MessageFormat> compiled = new ConcurrentHashMap<>();

    /**
     * @param patterns        language tag to (key to ICU pattern)
     * @param defaultLanguage the language whose strings fill the gaps of the others
     */
    public Messages(Map<String, Map<String, String>> patterns, String defaultLanguage) {
        this(patterns, defaultLanguage, Map.of());
    }

    /**
     * @param sameAsDefault per language, the keys whose text is rightly the same as the default
     *                      language's (a brand name, "OK"): the bundles' {@value MessageLoader#SAME} lists
     */
    public Messages(Map<String, Map<String, String>> patterns, String defaultLanguage,
            Map<String, java.util.Set<String>> sameAsDefault) {
        this.patterns = Map.copyOf(patterns);
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.sameAsDefault = Map.copyOf(sameAsDefault);
    }

    /** The keys {@code language}'s bundles declare rightly the same as in the default language. */
    public java.util.Set<String> sameAsDefault(String language) {
        return sameAsDefault.getOrDefault(language, java.util.Set.of());
    }

    /** The pattern for {@code key} in {@code language}, else in the default language. */
    public Optional<String> pattern(String language, String key) {
        String own = patterns.getOrDefault(language, Map.of()).get(key);
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(patterns.getOrDefault(defaultLanguage, Map.of()).get(key));
    }

    /** Whether {@code language}'s own bundle has {@code key} (without falling back). */
    public boolean has(String language, String key) {
        return patterns.getOrDefault(language, Map.of()).containsKey(key);
    }

    /** The keys the default language defines. */
    public java.util.Set<String> keys() {
        return patterns.getOrDefault(defaultLanguage, Map.of()).keySet();
    }

    /** The keys {@code language}'s own bundles define (without the default language's). */
    public java.util.Set<String> keys(String language) {
        return patterns.getOrDefault(language, Map.of()).keySet();
    }

    /** The language whose strings fill the gaps of the others. */
    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** Formats {@code key} for {@code language} with named arguments. */
    public String format(String language, String key, Map<String, Object> args) {
        Optional<String> pattern = pattern(language, key);
        if (pattern.isEmpty()) {
            return key;
        }
        String text = pattern.get();
        if (text.indexOf('{') < 0 && text.indexOf('\'') < 0) {
            return text; // nothing to substitute or unquote: ICU would return it as it is
        }
        String source = has(language, key) ? language : defaultLanguage;
        MessageFormat format = compiled.computeIfAbsent(source + "\u0000" + key,
                k -> new MessageFormat(pattern.get(), ULocale.forLanguageTag(source)));
        synchronized (format) {
            return format.format(args);
        }
    }
}

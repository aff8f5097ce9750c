package io.github.broadside.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The multilingual settings of {@code site.yml}: optional per-language settings (their order is the
 * order of the language switcher), whether the default language is also served from its own folder,
 * and whether a language's lists show campaigns that are not translated into it.
 *
 * <p>None of it is required: every {@code content/<lang>/} folder is a language on its own.
 *
 * @param languages                  the {@code languages:} entries, in the order written
 * @param defaultLanguageInSubfolder {@code true} serves the default language under {@code /<lang>/}
 *                                   too, with a language chooser at the root
 * @param showUntranslated           {@code true} lists campaigns that have no version in a language
 *                                   on that language's pages, marked with their own language;
 *                                   {@code false} leaves them out
 */
public record Localization(List<LanguageSettings> languages, boolean defaultLanguageInSubfolder,
        boolean showUntranslated) {

    public Localization {
        languages = List.copyOf(languages);
    }

    /** No per-language settings, the default language at the root, untranslated campaigns shown. */
    public static Localization defaults() {
        return new Localization(List.of(), false, true);
    }

    /** The settings for {@code tag}, or empty ones when site.yml does not list it. */
    public LanguageSettings settings(String tag) {
        Objects.requireNonNull(tag, "tag");
        return find(tag).orElseGet(() -> LanguageSettings.of(tag));
    }

    /** The entry site.yml has for {@code tag}, if any. */
    public Optional<LanguageSettings> find(String tag) {
        return languages.stream().filter(l -> l.tag().equals(tag)).findFirst();
    }
}

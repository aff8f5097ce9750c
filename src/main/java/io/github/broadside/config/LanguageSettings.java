package io.github.broadside.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code site.yml} says about one language under {@code languages:}: the name shown in the
 * language switcher and the site title, description and navigation to use on that language's pages.
 * Every part is optional; a language folder that site.yml does not mention gets its name from
 * CLDR and the site-wide title.
 *
 * @param tag        the language folder's BCP 47 tag, e.g. {@code es} or {@code pt-BR}
 * @param line       the line of the entry in site.yml (0 when unknown), for problems about it
 * @param navigation replaces the site's navigation on this language's pages when present
 * @param footerLinks replaces the site's footer links on this language's pages when present
 */
public record LanguageSettings(
        String tag,
        int line,
        Optional<String> name,
        Optional<String> title,
        Optional<String> description,
        Optional<List<Link>> navigation,
        Optional<List<Link>> footerLinks) {

    public LanguageSettings {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        navigation = navigation.map(List::copyOf);
        footerLinks = footerLinks.map(List::copyOf);
    }

    /** Settings for a language site.yml does not mention: everything from the defaults. */
    public static LanguageSettings of(String tag) {
        return new LanguageSettings(tag, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}

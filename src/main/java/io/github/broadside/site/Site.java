package io.github.broadside.site;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole site in memory, made by the link stage: the configuration and each language's
 * campaigns, pages and terms. Immutable; the render stage reads it and nothing else.
 */
public record Site(SiteConfig config, List<LanguageSite> languages) {
    public Site {
        Objects.requireNonNull(config, "config");
        languages = List.copyOf(languages);
    }

    public Optional<LanguageSite> language(String tag) {
        return languages.stream().filter(l -> l.language().equals(tag)).findFirst();
    }

    /** Every campaign and page of every language, in a stable order. */
    public List<Campaign> allPages() {
        return languages.stream()
                .flatMap(l -> java.util.stream.Stream.concat(l.campaigns().stream(), l.pages().stream()))
                .toList();
    }
}

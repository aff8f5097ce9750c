package io.github.broadside.site;

import io.github.broadside.content.Campaign;
import java.util.List;
import java.util.Objects;

/** A tag or category of one language, with its page path and the campaigns filed under it. */
public record Term(String name, String slug, String path, List<Campaign> campaigns) {
    public Term {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(path, "path");
        campaigns = List.copyOf(campaigns);
    }
}

package io.github.broadside.config;

import java.util.Objects;

/** A labelled link from configuration: navigation, footer, "more information". */
public record Link(String label, String url) {
    public Link {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
    }
}

package io.github.broadside.content;

import java.util.Objects;

/** A pull quote shown beside a campaign, with its attribution. Empty strings mean not given. */
public record Quote(String text, String author, String role, String source) {
    public Quote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
    }
}

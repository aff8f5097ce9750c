package io.github.broadside.content;

import java.util.Objects;

/** A donation ask, often for a partner organisation: a secondary action beside the main one. */
public record Donate(String url, String label, String partner) {
    public Donate {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(partner, "partner");
    }
}

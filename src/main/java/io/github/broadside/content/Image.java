package io.github.broadside.content;

import java.util.Objects;

/** A campaign's picture and its text alternative (required: screen-reader users read the alt). */
public record Image(String src, String alt) {
    public Image {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(alt, "alt");
    }
}

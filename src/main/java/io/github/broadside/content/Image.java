package io.github.broadside.content;

import java.util.Objects;

/**
 * A campaign's picture and its text alternative (required: screen-reader users read the alt).
 *
 * @param src     where the picture is: a path on the site ({@code /images/vigil.jpg}), already
 *                resolved by {@link ImagePaths} when it was written relative to its page, or a web address
 * @param alt     the text alternative
 * @param written the value as written in {@code image:}
 * @param file    the file that wrote it (the source page's for an inherited value), as shown in problems
 * @param line    the line of {@code image:} in that file
 * @param column  its column
 */
public record Image(String src, String alt, String written, String file, int line, int column) {
    public Image {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(alt, "alt");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(file, "file");
    }
}

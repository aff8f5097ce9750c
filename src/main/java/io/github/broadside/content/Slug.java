package io.github.broadside.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * URL slugs: made from file names and tag names, and checked when a user writes one, so that no
 * page can be written outside the output folder or at a surprising address.
 */
public final class Slug {
    private static final Pattern VALID = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}]+(?:-[\\p{Ll}\\p{Lo}\\p{N}]+)*");

    private Slug() {
    }

    /**
     * A slug from free text: accents folded where the letter has a plain form, lower case,
     * anything but letters and digits becomes a single hyphen. "Año Nuevo!" becomes "ano-nuevo".
     */
    public static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "page" : slug;
    }

    /** Why {@code slug} cannot be used as a URL segment, or empty when it can. */
    public static Optional<String> problemWith(String slug) {
        if (slug.contains("/") || slug.contains("\\")) {
            return Optional.of("the slug '" + slug + "' contains a path separator");
        }
        if (slug.contains("..")) {
            return Optional.of("the slug '" + slug + "' contains '..'");
        }
        if (!VALID.matcher(slug).matches()) {
            return Optional.of("the slug '" + slug + "' may contain only lower-case letters, digits and single hyphens");
        }
        return Optional.empty();
    }
}

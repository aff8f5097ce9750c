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
    // Compiled once: templates make a slug for every tag link of every page.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    private Slug() {
    }

    /**
     * A slug from free text: accents folded where the letter has a plain form, lower case,
     * anything but letters and digits becomes a single hyphen. "Año Nuevo!" becomes "ano-nuevo".
     */
    public static String of(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_LETTER_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
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

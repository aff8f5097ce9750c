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
    /** A run of lower-case letters (or letters of scripts without case) and digits; combining marks may follow. */
    private static final String SEGMENT = "[\\p{Ll}\\p{Lm}\\p{Lo}\\p{N}][\\p{Ll}\\p{Lm}\\p{Lo}\\p{N}\\p{M}]*";
    private static final Pattern VALID = Pattern.compile(SEGMENT + "(?:-" + SEGMENT + ")*");
    /** Accents on Latin letters, which have a plain form that everyone can type. */
    private static final Pattern LATIN_ACCENTS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");
    // Compiled once: templates make a slug for every tag link of every page.
    private static final Pattern NOT_LETTER_MARK_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LEADING_MARKS = Pattern.compile("(^|-)\\p{M}+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    private Slug() {
    }

    /**
     * A slug from free text: accents on Latin letters folded, lower case, anything but letters and
     * digits becomes a single hyphen. "Año Nuevo!" becomes "ano-nuevo". Marks that are part of other
     * scripts' letters (Arabic hamza, Devanagari vowel signs) are kept, or the word would change.
     */
    public static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String folded = Normalizer.normalize(LATIN_ACCENTS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
        String slug = NOT_LETTER_MARK_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = LEADING_MARKS.matcher(slug).replaceAll("$1");
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

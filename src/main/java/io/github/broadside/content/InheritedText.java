package io.github.broadside.content;

import java.util.Objects;

/**
 * Words a translation shows without having translated them: a text field it leaves out and so
 * inherits from its source (a target's role, a signatory's role, a button label, a quote). The page
 * marks them with the source's {@code lang}, so screen readers pronounce them right, and the
 * translation reports list the page as partly untranslated.
 *
 * @param field    where in the front matter, e.g. {@code action.signatories[0].role}
 * @param text     the inherited words
 * @param language the language they are in (the language folder of the file that wrote them)
 * @param file     that file, as shown to users
 * @param line     the line that wrote them there
 */
public record InheritedText(String field, String text, String language, String file, int line) {
    public InheritedText {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(file, "file");
    }
}

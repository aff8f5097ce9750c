package io.github.broadside.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The start tags of an HTML page with their attributes, in document order, read the way a browser's
 * tokenizer reads them (WHATWG HTML, "Tokenization") but without building the document tree.
 * Comments, doctypes and processing instructions are skipped; the text of {@code <script>},
 * {@code <style>}, {@code <textarea>}, {@code <title>} and the other raw-text elements is not read as
 * markup; tag and attribute names are lower-cased; character references in attribute values are
 * decoded (by jsoup, as its parser does); of repeated attributes the first counts; {@code <image>}
 * is {@code <img>} outside SVG; a tag cut off by the end of the file is dropped. Where the tree
 * builder would drop a misplaced tag (an {@code <img>} inside {@code <select>}), it is still found:
 * the checks see at least what a browser sees.
 *
 * <p>The publish stage reads every page it writes to derive the site's Content-Security-Policy and
 * check its links. A full jsoup parse of each page took a fifth of a large build; the checks need
 * only the tags, and a test keeps what this class finds equal to jsoup's elements.
 */
final class HtmlStartTags {
    /** Elements whose text is not markup, up to their end tag. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes",
            "textarea", "title");
    /** Elements that never have content, so they are never the parent of what follows. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image");

    /**
     * One start tag: its name, the name of the element it opens inside ({@code ""} at the top) and its
     * attributes in the order written, names lower-cased, values decoded.
     */
    record Tag(String name, String parent, List<Attribute> attributes) {
        Tag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parent, "parent");
            attributes = List.copyOf(attributes);
        }

        /** The value of attribute {@code key} (lower case), or {@code ""}. */
        String attr(String key) {
            for (Attribute attribute : attributes) {
                if (attribute.name().equals(key)) {
                    return attribute.value();
                }
            }
            return "";
        }

        boolean has(String key) {
            return attributes.stream().anyMatch(a -> a.name().equals(key));
        }
    }

    /** An attribute as written on a tag. */
    record Attribute(String name, String value) {
    }

    private final String html;
    private final int length;
    private int at;
    private final Deque<String> open = new ArrayDeque<>();

    private HtmlStartTags(String html) {
        this.html = html;
        this.length = html.length();
    }

    /** Every start tag of {@code html}, in document order. */
    static List<Tag> of(String html) {
        return new HtmlStartTags(Objects.requireNonNull(html, "html")).read();
    }

    private List<Tag> read() {
        List<Tag> tags = new ArrayList<>();
        while (true) {
            int lt = html.indexOf('<', at);
            if (lt < 0 || lt + 1 >= length) {
                return tags;
            }
            at = lt + 1;
            char c = html.charAt(at);
            if (isLetter(c)) {
                Tag tag = startTag();
                if (tag == null) {
                    return tags; // cut off by the end of the file
                }
                tags.add(tag);
                if (tag.name().equals("plaintext")) {
                    return tags;
                }
                if (RAW_TEXT.contains(tag.name())) {
                    skipRawText(tag.name());
                }
            } else if (c == '/') {
                endTag();
            } else if (c == '!') {
                markupDeclaration();
            } else if (c == '?') {
                skipPast('>'); // a processing instruction is a bogus comment
            }
            // any other character: the '<' was text
        }
    }

    private Tag startTag() {
        String parsed = name();
        // Browsers read <image> as <img>, except inside SVG, where <image> is SVG's own element.
        String name = parsed.equals("image") && !open.contains("svg") ? "img" : parsed;
        List<Attribute> attributes = new ArrayList<>();
        if (!attributes(attributes)) {
            return null;
        }
        String parent = open.isEmpty() ? "" : open.peek();
        if (!VOID.contains(name) && !RAW_TEXT.contains(name)) {
            open.push(name); // a trailing '/' does not close an HTML element
        }
        return new Tag(name, parent, attributes);
    }

    private void endTag() {
        at++; // past '/'
        if (at >= length) {
            return;
        }
        char c = html.charAt(at);
        if (c == '>') {
            at++;
            return;
        }
        if (!isLetter(c)) {
            skipPast('>');
            return;
        }
        String name = name();
        attributes(new ArrayList<>()); // allowed by the tokenizer, meaningless
        if (open.contains(name)) {
            while (!open.pop().equals(name)) {
                // elements left open inside the one that ends are closed with it
            }
        }
    }

    /** {@code <!--comment-->}, {@code <!DOCTYPE ...>} and other {@code <!...>} declarations. */
    private void markupDeclaration() {
        if (html.startsWith("!--", at)) {
            int from = at + 3;
            if (html.startsWith(">", from) || html.startsWith("->", from)) {
                at = html.indexOf('>', from) + 1; // <!--> and <!---> end at once
                return;
            }
            int end = from;
            while (true) {
                end = html.indexOf("--", end);
                if (end < 0) {
                    at = length;
                    return;
                }
                if (html.startsWith("-->", end)) {
                    at = end + 3;
                    return;
                }
                if (html.startsWith("--!>", end)) {
                    at = end + 4;
                    return;
                }
                end++;
            }
        }
        skipPast('>');
    }

    /** The tag name from the current position, lower-cased. */
    private String name() {
        int start = at;
        while (at < length) {
            char c = html.charAt(at);
            if (isSpace(c) || c == '/' || c == '>') {
                break;
            }
            at++;
        }
        return html.substring(start, at).toLowerCase(Locale.ROOT);
    }

    /** Reads attributes up to and past the tag's {@code >}; false when the file ends first. */
    private boolean attributes(List<Attribute> into) {
        while (true) {
            while (at < length && isSpace(html.charAt(at))) {
                at++;
            }
            if (at >= length) {
                return false;
            }
            char c = html.charAt(at);
            if (c == '>') {
                at++;
                return true;
            }
            if (c == '/') {
                at++;
                continue;
            }
            int start = at++; // a first '=' belongs to the name
            while (at < length) {
                char n = html.charAt(at);
                if (isSpace(n) || n == '/' || n == '>' || n == '=') {
                    break;
                }
                at++;
            }
            String name = html.substring(start, at).toLowerCase(Locale.ROOT);
            while (at < length && isSpace(html.charAt(at))) {
                at++;
            }
            String value = "";
            if (at < length && html.charAt(at) == '=') {
                at++;
                while (at < length && isSpace(html.charAt(at))) {
                    at++;
                }
                if (at >= length) {
                    return false;
                }
                char quote = html.charAt(at);
                if (quote == '"' || quote == '\'') {
                    int end = html.indexOf(quote, at + 1);
                    if (end < 0) {
                        return false;
                    }
                    value = html.substring(at + 1, end);
                    at = end + 1;
                } else {
                    int begin = at;
                    while (at < length && !isSpace(html.charAt(at)) && html.charAt(at) != '>') {
                        at++;
                    }
                    value = html.substring(begin, at);
                }
                if (value.indexOf('&') >= 0) {
                    value = Parser.unescapeEntities(value, true);
                }
            }
            if (!contains(into, name)) {
                into.add(new Attribute(name, value));
            }
        }
    }

    /** Moves past the end tag of raw-text element {@code name}, or to the end when there is none. */
    private void skipRawText(String name) {
        int from = at;
        while (true) {
            int lt = html.indexOf("</", from);
            if (lt < 0) {
                at = length;
                return;
            }
            int after = lt + 2 + name.length();
            if (html.regionMatches(true, lt + 2, name, 0, name.length())
                    && (after >= length || isSpace(html.charAt(after)) || html.charAt(after) == '/'
                            || html.charAt(after) == '>')) {
                at = lt; // the end tag is read as usual
                return;
            }
            from = lt + 2;
        }
    }

    private static boolean contains(List<Attribute> attributes, String name) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void skipPast(char c) {
        int end = html.indexOf(c, at);
        at = end < 0 ? length : end + 1;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}

package io.github.broadside.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML made from Markdown written by users: only a safelist of structural tags and
 * attributes survives, so raw HTML in a campaign cannot run script ({@code <script>}, {@code on*=}
 * handlers, {@code javascript:} links) or add inline styles that a strict CSP would refuse.
 *
 * <p>Thread-safe: the safelist is built once and never changed.
 */
public final class HtmlSanitizer {
    /** A base that can never be a real site: it only lets jsoup resolve and keep relative links. */
    private static final String BASE = "https://relative.invalid/";

    private final Safelist safelist;

    public HtmlSanitizer() {
        this.safelist = Safelist.relaxed()
                .addTags("del", "s", "hr", "figure", "figcaption", "abbr", "mark")
                .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                .addAttributes("abbr", "title")
                .addAttributes("th", "scope")
                .addProtocols("a", "href", "tel")
                .removeProtocols("a", "href", "ftp")
                .preserveRelativeLinks(true);
    }

    /**
     * Whether {@link #clean} would keep {@code url} as the value of {@code attribute} on a
     * {@code tag} element: jsoup's own check (allowed protocols, relative links kept), on the value
     * as the HTML parser would read it.
     */
    public boolean isSafeUrl(String tag, String attribute, String url) {
        Element element = new Element(Tag.valueOf(tag), BASE);
        element.attr(attribute, url);
        return safelist.isSafeAttribute(tag, element, element.attribute(attribute));
    }

    /** The cleaned fragment as a jsoup body, for callers that transform it further. */
    public Element clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body();
    }
}

package io.github.broadside.markdown;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Thread-safe: the safelist is built once and never changed; the verdict cache is concurrent.
 */
public final class HtmlSanitizer {
    /** A base that can never be a real site: it only lets jsoup resolve and keep relative links. */
    private static final String BASE = "https://relative.invalid/";

    private final Safelist safelist;
    /** jsoup's answers for tag, attribute and scheme, filled as pages ask. */
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

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
        // The usual addresses are answered from a cache: jsoup resolves the address against the base
        // and then checks only its scheme, so every https address, and every one starting with / or #
        // (which resolve against the https base), gets the same answer as https://relative.invalid/.
        String sameAs = url.startsWith("https://") || url.startsWith("/") || url.startsWith("#") ? BASE
                : url.startsWith("http://") ? "http://relative.invalid/" : null;
        if (sameAs != null) {
            return verdicts.computeIfAbsent(tag + ' ' + attribute + ' ' + sameAs,
                    k -> jsoupKeeps(tag, attribute, sameAs));
        }
        return jsoupKeeps(tag, attribute, url);
    }

    private boolean jsoupKeeps(String tag, String attribute, String url) {
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

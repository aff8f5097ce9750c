package io.github.broadside.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Element;

/**
 * Turns campaign Markdown into safe HTML: CommonMark plus tables, strikethrough and autolinks,
 * heading ids for anchors, then {@link HtmlSanitizer}.
 *
 * <p>The page title is the page's only {@code h1}, so when a body uses {@code #} headings all of
 * its headings move one level down. Thread-safe: flexmark's parser and renderer are immutable once
 * built and are shared by all threads.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // Tables: no inline style for alignment (a strict CSP refuses it), GitHub-style parsing.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** Safe HTML for {@code markdown}; never throws for any input text. */
    public String toHtml(String markdown) {
        return toHtml(markdown, UnaryOperator.identity());
    }

    /**
     * Safe HTML for {@code markdown}, with each link and image address that starts at the site root
     * ({@code /privacy/}) passed through {@code siteLink}, so that a site served from a sub-path
     * ({@code https://example.org/repo/}) can prefix its base path.
     */
    public String toHtml(String markdown, UnaryOperator<String> siteLink) {
        if (markdown.isBlank()) {
            return "";
        }
        String raw = renderer.render(parser.parse(markdown));
        Element body = sanitizer.clean(raw);
        for (Element element : body.select("a[href^=/], img[src^=/]")) {
            String attribute = element.normalName().equals("a") ? "href" : "src";
            String value = element.attr(attribute);
            if (!value.startsWith("//")) {
                element.attr(attribute, siteLink.apply(value));
            }
        }
        if (!body.select("h1").isEmpty()) {
            for (Element heading : body.select("h1, h2, h3, h4, h5")) {
                int level = heading.tagName().charAt(1) - '0';
                heading.tagName("h" + (level + 1));
            }
        }
        return body.html();
    }

    /** Safe HTML for a short text such as an update or a quote, without a wrapping paragraph when it is one. */
    public String toInlineHtml(String markdown) {
        return toInlineHtml(markdown, UnaryOperator.identity());
    }

    /** {@link #toInlineHtml(String)} with site-root addresses passed through {@code siteLink}. */
    public String toInlineHtml(String markdown, UnaryOperator<String> siteLink) {
        String html = toHtml(markdown, siteLink);
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}

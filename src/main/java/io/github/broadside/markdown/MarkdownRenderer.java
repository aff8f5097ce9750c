package io.github.broadside.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Objects;
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
    private final UnaryOperator<String> sitePaths;

    /** A renderer that leaves links as written: for sites served at the root of their host. */
    public MarkdownRenderer() {
        this(UnaryOperator.identity());
    }

    /**
     * @param sitePaths maps a site path written in Markdown ({@code /privacy/}) to the link a page
     *                  needs, so that a site served from a sub-path ({@code /repo/privacy/}) still works
     */
    public MarkdownRenderer(UnaryOperator<String> sitePaths) {
        this.sitePaths = Objects.requireNonNull(sitePaths, "sitePaths");
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

    /**
     * Safe HTML for {@code markdown}; never throws for any input text. Text past
     * {@link MarkdownLimits} (which the parse stage reports as a problem) comes out as escaped
     * plain text rather than overflowing the stack.
     */
    public String toHtml(String markdown) {
        if (markdown.isBlank()) {
            return "";
        }
        if (MarkdownLimits.check(markdown).isPresent()) {
            return plainText(markdown);
        }
        Element body;
        try {
            body = sanitizer.clean(renderer.render(parser.parse(markdown)));
        } catch (StackOverflowError e) {
            // a nesting the limits did not foresee: the frames are unwound here, so the thread is fine
            return plainText(markdown);
        }
        for (Element link : body.select("a[href^=/], img[src^=/]")) {
            String attribute = link.hasAttr("href") ? "href" : "src";
            String value = link.attr(attribute);
            if (!value.startsWith("//")) {
                link.attr(attribute, sitePaths.apply(value));
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

    private static String plainText(String markdown) {
        return "<p>" + org.jsoup.nodes.Entities.escape(markdown) + "</p>";
    }

    /** Safe HTML for a short text such as an update or a quote, without a wrapping paragraph when it is one. */
    public String toInlineHtml(String markdown) {
        // flexmark ends each block with a newline; without strip() the single paragraph was never unwrapped.
        String html = toHtml(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}

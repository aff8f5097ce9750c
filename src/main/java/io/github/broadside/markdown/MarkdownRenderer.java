package io.github.broadside.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
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
 *
 * <p>Most pages have no raw HTML and only ordinary links: for them ({@link SafeDocument}) the
 * sanitizer could not change anything, so flexmark's HTML is used as it is instead of being parsed,
 * cleaned and written again by jsoup, which was a fifth of the build's time. Every other page goes
 * through {@link HtmlSanitizer} as before.
 *
 * <p>Time is linear in the text: {@link LinearInlineParserExtension} removes flexmark's copy of the
 * paragraph per link, and {@link MarkdownLimits} refuses the shapes flexmark still takes quadratic
 * time on.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlRenderer directRenderer;
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
                new LikelyLinkAutolinkExtension(), new SafelistAttributes(), new PlainTextExtension(),
                new LinearInlineParserExtension()));
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
        // The fast path maps site paths while rendering, as the sanitized path does on jsoup's tree.
        this.directRenderer = HtmlRenderer.builder(options).linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return (node, ctx, link) -> link.getUrl().startsWith("/") && !link.getUrl().startsWith("//")
                        ? link.withUrl(sitePaths.apply(link.getUrl())) : link;
            }
        }).build();
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
        try {
            Document document = parser.parse(markdown);
            if (SafeDocument.check(document, sanitizer)) {
                demoteHeadings(document);
                return withoutSelfClosingSlash(directRenderer.render(document));
            }
            return sanitized(document);
        } catch (StackOverflowError e) {
            // a nesting the limits did not foresee: the frames are unwound here, so the thread is fine
            return plainText(markdown);
        }
    }

    /** The full path, whatever the page holds: flexmark, then jsoup's cleaner. */
    String toHtmlThroughSanitizer(String markdown) {
        return markdown.isBlank() ? "" : sanitized(parser.parse(markdown));
    }

    private String sanitized(Document document) {
        String raw = renderer.render(document);
        Element body = sanitizer.clean(raw);
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

    /** As the sanitizer does to its HTML: when there is an {@code h1}, h1–h5 move one level down. */
    private static void demoteHeadings(Document document) {
        List<Heading> headings = new ArrayList<>();
        boolean hasH1 = false;
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading) {
                headings.add(heading);
                hasH1 |= heading.getLevel() == 1;
            }
        }
        if (hasH1) {
            for (Heading heading : headings) {
                if (heading.getLevel() < 6) {
                    heading.setLevel(heading.getLevel() + 1);
                }
            }
        }
    }

    /**
     * {@code <br />} as jsoup writes it, {@code <br>}. Safe as plain text replacement: flexmark escapes
     * {@code <}, {@code >} and {@code "} in text and attribute values, so {@code " />"} only ends a tag.
     */
    private static String withoutSelfClosingSlash(String html) {
        return html.indexOf(" />") < 0 ? html : html.replace(" />", ">");
    }

    /**
     * Drops the attributes flexmark writes that the safelist would drop anyway: {@code class} (code
     * languages, table class) and table cell {@code align} (a presentational attribute; the theme's
     * CSS aligns numbers).
     */
    private static final class SafelistAttributes implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
            // none
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
                @Override
                public AttributeProvider apply(LinkResolverContext context) {
                    return (node, part, attributes) -> {
                        attributes.remove("class");
                        if (node instanceof TableCell) {
                            attributes.remove("align");
                        }
                    };
                }
            });
        }
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

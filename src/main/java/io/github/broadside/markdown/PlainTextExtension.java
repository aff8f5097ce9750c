package io.github.broadside.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Writes a text node that holds no backslash, character reference or carriage return straight to
 * the HTML (escaped), and leaves every other text node to flexmark. flexmark unescapes and
 * normalises line ends of every text node with regular expressions first, which was a third of
 * its HTML rendering; for text with none of those characters both steps change nothing, so the
 * output is the same.
 */
final class PlainTextExtension implements HtmlRenderer.HtmlRendererExtension {
    @Override
    public void rendererOptions(MutableDataHolder options) {
        // none
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new NodeRenderer() {
            @Override
            public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                return Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> {
                    BasedSequence chars = node.getChars();
                    if (isPlain(chars)) {
                        html.text(chars.toString());
                    } else {
                        context.delegateRender();
                    }
                }));
            }
        });
    }

    /** Whether unescaping and line-end normalisation would leave {@code chars} as they are. */
    static boolean isPlain(CharSequence chars) {
        for (int i = 0, n = chars.length(); i < n; i++) {
            char c = chars.charAt(i);
            if (c == '\\' || c == '&' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}

package io.github.broadside.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension (bare {@code https://…}, {@code www.…} and e-mail addresses become
 * links), run only on text that could hold such a link. The stock extension runs a link scanner
 * and a regular expression over every text node of every page, which profiling showed to be an
 * eighth of all Markdown time on ordinary campaign pages, nearly all on text without a link.
 *
 * <p>Same result as the stock extension: it hands a text node to flexmark's own post-processor
 * whenever the node's source contains a character that a link (or an escape that could become one)
 * needs: {@code :} (scheme), {@code @} (e-mail), {@code &} and {@code \} (entity and backslash
 * escapes, which the processor decodes first), or {@code www.} in any case.
 */
final class LikelyLinkAutolinkExtension implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // No options of its own: the stock processor reads AutolinkExtension's.
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.postProcessorFactory(new Factory());
    }

    /** True when the processor could find a link in {@code chars}; false only when it certainly cannot. */
    static boolean mayHoldLink(CharSequence chars) {
        int length = chars.length();
        for (int i = 0; i < length; i++) {
            char c = chars.charAt(i);
            if (c == ':' || c == '@' || c == '&' || c == '\\') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 3 < length && (chars.charAt(i + 1) | 0x20) == 'w'
                    && (chars.charAt(i + 2) | 0x20) == 'w' && chars.charAt(i + 3) == '.') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor(document);
        }
    }

    private static final class Processor extends NodePostProcessor {
        private final Document document;
        private AutolinkNodePostProcessor delegate;

        Processor(Document document) {
            this.document = document;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            BasedSequence chars = node.getChars();
            if (!mayHoldLink(chars)) {
                return;
            }
            if (delegate == null) {
                delegate = new AutolinkNodePostProcessor(document);
            }
            delegate.process(state, node);
        }
    }
}

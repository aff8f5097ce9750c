package io.github.broadside.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Set;

/**
 * Decides whether a parsed Markdown document can only render to HTML that {@link HtmlSanitizer}
 * would keep as it is, so that re-parsing and cleaning the HTML would change nothing.
 *
 * <p>It can when every node is of a kind whose renderer writes only safelisted tags with escaped
 * text (no raw HTML block or inline, no extension node this class does not know), and every link
 * and image address passes the sanitizer's own protocol check. Anything else (a {@code <span>}, a
 * {@code javascript:} link, a node type added by a future extension) sends the page through the
 * full sanitizer. Attributes that those renderers write and the safelist drops ({@code class},
 * table {@code align}) are removed while rendering instead.
 */
final class SafeDocument {
    /** Node types whose HTML is only safelisted tags around escaped text. Exact classes, not subclasses. */
    private static final Set<Class<?>> SAFE_NODES = Set.of(Document.class, Paragraph.class, Text.class,
            TextBase.class, SoftLineBreak.class, HardLineBreak.class, Emphasis.class, StrongEmphasis.class,
            Heading.class, BulletList.class, OrderedList.class, BulletListItem.class, OrderedListItem.class,
            BlockQuote.class, ThematicBreak.class, Code.class, IndentedCodeBlock.class, HtmlEntity.class,
            Strikethrough.class, Link.class, Image.class, AutoLink.class, MailLink.class, LinkRef.class,
            ImageRef.class, Reference.class, TableBlock.class, TableHead.class, TableBody.class, TableRow.class,
            TableCell.class, TableSeparator.class, TableCaption.class);

    private SafeDocument() {
    }

    /** True when rendering {@code document} gives HTML the sanitizer would not change. */
    static boolean check(Document document, HtmlSanitizer sanitizer) {
        // Depth-first without recursion: a page of a thousand nested quotes must not overflow the stack.
        Node node = document;
        while (node != null) {
            if (!SAFE_NODES.contains(node.getClass()) || !safeAddress(node, sanitizer)) {
                return false;
            }
            node = next(node, document);
        }
        return true;
    }

    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != root && current.getNext() == null) {
            current = current.getParent();
        }
        return current == root ? null : current.getNext();
    }

    /** Addresses as flexmark writes them: unescaped ({@code &#58;} is a colon), checked like the sanitizer does. */
    private static boolean safeAddress(Node node, HtmlSanitizer sanitizer) {
        if (node instanceof Link link) {
            return sanitizer.isSafeUrl("a", "href", link.getUrl().unescape());
        }
        if (node instanceof Image image) {
            return sanitizer.isSafeUrl("img", "src", image.getUrl().unescape());
        }
        if (node instanceof AutoLink link) {
            String url = link.getUrl().unescape();
            // flexmark prefixes www. links with http://, which is always allowed.
            return url.startsWith("www.") || sanitizer.isSafeUrl("a", "href", url);
        }
        if (node instanceof MailLink mail) {
            return sanitizer.isSafeUrl("a", "href", "mailto:" + mail.getText().unescape());
        }
        if (node instanceof Reference reference) {
            // A reference is used by links and images alike: it must pass both checks.
            String url = reference.getUrl().unescape();
            return sanitizer.isSafeUrl("a", "href", url) && sanitizer.isSafeUrl("img", "src", url);
        }
        return true;
    }
}

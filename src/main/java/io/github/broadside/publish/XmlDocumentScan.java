package io.github.broadside.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a static file that browsers open as an XML document (an SVG picture, an XHTML page, an RSS
 * feed or any other XML type) would run and load, read with the JDK's XML parser the way a browser
 * reads it: namespaces resolved, the document's own entities expanded (so an entity cannot hide a
 * {@code <script>}), external entities and DTDs never loaded, entity expansion bounded.
 *
 * <p>Browsers run script in such files on the site's origin when they are opened directly, and hosts
 * without a Content-Security-Policy header (GitHub Pages, GitLab Pages, buckets) do nothing to stop
 * it. So what would run is an {@link Active} finding with its line: in SVG and other XML files any
 * {@code <script>} at all; everywhere event handlers ({@code onload=""}), {@code javascript:}
 * addresses and XSLT stylesheets; in XHTML pages the rules of HTML pages (inline script and style).
 * A file that is not well-formed XML, or not UTF-8, is refused too: what the scan could not read is
 * not what a browser might run. Addresses the document loads or links to become {@link Use}s, for the
 * privacy check and the policy, like those of HTML pages.
 */
final class XmlDocumentScan {
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String SVG = "http://www.w3.org/2000/svg";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final Set<String> SVG_ANIMATIONS = Set.of("set", "animate", "animatemotion", "animatetransform");

    /** How the file is published: what its un-namespaced elements are and which rules hold. */
    enum Kind {
        /** An SVG picture ({@code .svg}): never any script. */
        SVG,
        /** An XHTML page ({@code .xhtml}): the rules of HTML pages. */
        XHTML,
        /** Any other XML a browser renders ({@code .xml}, {@code .rss}...): never any script. */
        XML
    }

    /** Something in the file that would run in the reader's browser, at its line (0 when unknown). */
    record Active(int line, String what) {
        Active {
            Objects.requireNonNull(what, "what");
        }
    }

    /** The scan: the addresses used (for the checks shared with pages) and what would run. */
    record Result(PageScan scan, List<Active> active) {
        Result {
            Objects.requireNonNull(scan, "scan");
            active = List.copyOf(active);
        }
    }

    private XmlDocumentScan() {
    }

    /** Scans the file published at {@code file} as {@code kind}. */
    static Result scan(String file, byte[] bytes, Kind kind) {
        Objects.requireNonNull(file, "file");
        Handler handler = new Handler(file, kind);
        try {
            SAXParser parser = factory().newSAXParser();
            parser.getXMLReader().setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            parser.parse(new InputSource(new ByteArrayInputStream(bytes)), handler);
        } catch (SAXParseException e) {
            handler.active.add(new Active(Math.max(e.getLineNumber(), 0), "XML that is not well-formed ("
                    + e.getMessage() + "): Broadside cannot check what a browser would run in it"));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            handler.active.add(new Active(0, "XML that cannot be read (" + e.getMessage()
                    + "): Broadside cannot check what a browser would run in it"));
        }
        return new Result(new PageScan(file, handler.uses, List.of()), handler.active);
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        // Browsers load no external entity or DTD; neither does the scan (nor may a file make the build fetch one).
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    /** The element being read: its namespace, local name (lower case) and what it collects. */
    private record Open(String namespace, String name, StringBuilder style) {
    }

    private static final class Handler extends DefaultHandler implements org.xml.sax.ext.LexicalHandler {
        private final String file;
        private final Kind kind;
        private final List<Use> uses = new ArrayList<>();
        private final List<Active> active = new ArrayList<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private Locator locator;
        private boolean checkedEncoding;

        Handler(String file, Kind kind) {
            this.file = file;
            this.kind = kind;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : Math.max(locator.getLineNumber(), 0);
        }

        private void encoding() {
            if (checkedEncoding || !(locator instanceof Locator2 l2)) {
                return;
            }
            checkedEncoding = true;
            String encoding = l2.getEncoding();
            if (encoding != null && !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")
                    && !encoding.equalsIgnoreCase("US-ASCII")) {
                // A host may send charset=utf-8 with the file; a browser would then read other markup than this scan.
                active.add(new Active(1, "the encoding " + encoding + " (not UTF-8): a host that sends it as "
                        + "UTF-8 makes browsers read other markup than Broadside checked"));
            }
        }

        /** The namespace an element without one has in this kind of file. */
        private String namespace(String uri) {
            if (!uri.isEmpty()) {
                return uri;
            }
            return switch (kind) {
                case SVG -> SVG;
                case XHTML -> XHTML;
                case XML -> "";
            };
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            encoding();
            int line = line();
            String namespace = namespace(uri);
            String name = localName.toLowerCase(Locale.ROOT);
            String parent = open.isEmpty() ? "" : open.peek().name();
            open.push(new Open(namespace, name, name.equals("style") ? new StringBuilder() : null));

            // Anywhere, whatever the namespace: handlers and javascript: addresses.
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getLocalName(i).toLowerCase(Locale.ROOT);
                String value = attributes.getValue(i);
                if (attribute.startsWith("on") && attributes.getURI(i).isEmpty()) {
                    active.add(new Active(line, "an event handler " + attribute + "=\"\" on <" + qName + ">"));
                } else if (PageScan.scriptUrlIn(value)) {
                    active.add(new Active(line, "a javascript: address in " + attributes.getQName(i)
                            + "=\"\" on <" + qName + ">"));
                } else if (attribute.equals("srcdoc")) {
                    active.add(new Active(line, "a document inside srcdoc=\"\" on <" + qName + ">"));
                }
            }
            if (name.equals("script") && (namespace.equals(SVG) || namespace.equals(XHTML))
                    && (kind != Kind.XHTML || namespace.equals(SVG))) {
                active.add(new Active(line, "a <" + qName + "> element (an " + (kind == Kind.SVG ? "SVG" : "XML")
                        + " file published on the site may hold no script)"));
            }
            if (namespace.equals(XHTML)) {
                html(name, parent, attributes, line);
            } else if (namespace.equals(SVG)) {
                svg(name, attributes);
            }
        }

        /** An XHTML element: the rules and addresses of HTML pages. */
        private void html(String name, String parent, Attributes attributes, int line) {
            List<HtmlStartTags.Attribute> list = new ArrayList<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getURI(i).isEmpty() ? attributes.getLocalName(i)
                        : attributes.getQName(i);
                list.add(new HtmlStartTags.Attribute(attribute.toLowerCase(Locale.ROOT), attributes.getValue(i)));
            }
            PageScan page = PageScan.tags(file, List.of(new HtmlStartTags.Tag(name, parent, list)));
            uses.addAll(page.uses());
            for (String code : page.inlineCode()) {
                boolean style = code.startsWith("an inline <style>") || code.startsWith("a style=");
                boolean script = code.startsWith("an inline <script>");
                // Handlers and javascript: were found above; script in SVG and XML files too.
                if (kind == Kind.XHTML && (style || script)) {
                    active.add(new Active(line, code));
                }
            }
            String style = attributes.getValue("", "style");
            if (style != null) {
                uses.addAll(PageScan.css(file, style).uses());
            }
        }

        /** An SVG element: any other address than a link's is loaded, styles may load more. */
        private void svg(String name, Attributes attributes) {
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getLocalName(i).toLowerCase(Locale.ROOT);
                String ns = attributes.getURI(i);
                String value = attributes.getValue(i).strip();
                if (attribute.equals("href") && (ns.isEmpty() || ns.equals(XLINK)) && !value.isEmpty()) {
                    uses.add(new Use(file, name.equals("a") ? Directive.LINK
                            : name.equals("script") ? Directive.SCRIPT : Directive.IMG, value));
                } else if (attribute.equals("style") && ns.isEmpty()) {
                    uses.addAll(PageScan.css(file, value).uses());
                }
            }
            if (SVG_ANIMATIONS.contains(name)) {
                String target = attributes.getValue("", "attributeName");
                if (target != null && target.strip().replaceFirst("^xlink:", "").equals("href")) {
                    for (String key : List.of("from", "to", "by", "values")) {
                        String value = attributes.getValue("", key);
                        if (value != null) {
                            for (String part : value.split(";")) {
                                if (!part.isBlank()) {
                                    uses.add(new Use(file, Directive.IMG, part.strip()));
                                }
                            }
                        }
                    }
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Open current = open.peek();
            if (current != null && current.style() != null) {
                current.style().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open closed = open.pop();
            if (closed.style() != null && (closed.namespace().equals(SVG) || closed.namespace().equals(XHTML))) {
                uses.addAll(PageScan.css(file, closed.style().toString()).uses());
            }
        }

        @Override
        public void processingInstruction(String target, String data) {
            encoding();
            if (!target.equalsIgnoreCase("xml-stylesheet")) {
                return;
            }
            // Pseudo-attributes are written like a tag's attributes: read them with the tag reader.
            List<HtmlStartTags.Tag> tags = HtmlStartTags.of("<pi " + data + ">");
            if (tags.isEmpty()) {
                return;
            }
            HtmlStartTags.Tag pi = tags.get(0);
            String href = pi.attr("href").strip();
            String type = pi.attr("type").toLowerCase(Locale.ROOT);
            String lower = href.toLowerCase(Locale.ROOT);
            if (type.contains("xsl") || lower.endsWith(".xsl") || lower.endsWith(".xslt")) {
                active.add(new Active(line(), "an XSLT stylesheet (<?xml-stylesheet " + data.strip()
                        + "?>), a program the browser runs to make the page"));
            } else if (!href.isEmpty()) {
                uses.add(new Use(file, Directive.STYLE, href));
            }
        }

        @Override
        public void error(SAXParseException e) {
            // Validity errors: browsers do not validate either.
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {
        }

        @Override
        public void endDTD() {
        }

        @Override
        public void startEntity(String name) {
        }

        @Override
        public void endEntity(String name) {
        }

        @Override
        public void startCDATA() {
        }

        @Override
        public void endCDATA() {
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            encoding();
        }
    }
}

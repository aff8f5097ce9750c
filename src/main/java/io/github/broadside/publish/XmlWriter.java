package io.github.broadside.publish;

import java.nio.charset.StandardCharsets;

/**
 * A small writer for the XML files the site publishes (sitemaps, Atom feeds): indented elements,
 * escaped text and attributes, characters XML 1.0 forbids left out. Attributes are given as
 * name, value pairs and written in that order, so the output is the same on every run.
 */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder(8 * 1024);
    private int depth;

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlWriter open(String name, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    XmlWriter close(String name) {
        depth--;
        indent().append("</").append(name).append(">\n");
        return this;
    }

    XmlWriter element(String name, String text, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        return this;
    }

    XmlWriter empty(String name, String... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    byte[] bytes() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed element");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    int length() {
        return out.length();
    }

    private void attributes(String[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(' ').append(pairs[i]).append("=\"").append(escape(pairs[i + 1], true)).append('"');
        }
    }

    private StringBuilder indent() {
        return out.append("  ".repeat(depth));
    }

    static String escape(String text, boolean attribute) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append(attribute ? "&quot;" : "\"");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (allowed) {
                        escaped.appendCodePoint(cp);
                    }
                }
            }
        });
        return escaped.toString();
    }
}

package io.github.broadside.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one published HTML page or stylesheet really uses, read from its start tags (HTML) or from its
 * {@code url()} and {@code @import} rules (CSS): every address it loads, posts to or links to, and
 * any inline code a strict Content-Security-Policy would refuse ({@code <script>} without
 * {@code src}, {@code <style>}, {@code style=""}, {@code on*=""} handlers, {@code javascript:} URLs).
 *
 * <p>The publish stage derives the site's CSP, its privacy check and its link check from these scans,
 * so they describe the generated files rather than what the templates were meant to produce.
 */
public record PageScan(String file, List<Use> uses, List<String> inlineCode) {
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+?)\\1\\s*\\)");
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(?:url\\(\\s*)?(['\"])([^'\"]+)\\1");
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*\\}");
    private static final Pattern REFRESH_URL = Pattern.compile("(?i)^\\s*\\d+\\s*[;,]\\s*url\\s*=\\s*['\"]?([^'\"]+)");
    /** Script types browsers do not run: data blocks that a CSP need not allow. */
    private static final Set<String> DATA_SCRIPT_TYPES = Set.of("application/ld+json", "application/json",
            "text/template", "text/plain");

    public PageScan {
        Objects.requireNonNull(file, "file");
        uses = List.copyOf(uses);
        inlineCode = List.copyOf(inlineCode);
    }

    /** This scan with only the uses {@code keep} accepts; the inline code stays. */
    public PageScan only(java.util.function.Predicate<Use> keep) {
        return new PageScan(file, uses.stream().filter(keep).toList(), inlineCode);
    }

    /** Scans the HTML page published at {@code file}. */
    public static PageScan html(String file, String html) {
        return tags(file, HtmlStartTags.of(html));
    }

    /** Scans a page read as its start tags. */
    static PageScan tags(String file, List<HtmlStartTags.Tag> tags) {
        List<Use> uses = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        for (HtmlStartTags.Tag element : tags) {
            String tag = element.name();
            switch (tag) {
                case "img" -> {
                    add(uses, file, Directive.IMG, element.attr("src"));
                    srcset(uses, file, Directive.IMG, element.attr("srcset"));
                }
                case "source" -> {
                    boolean picture = element.parent().equals("picture");
                    Directive directive = picture ? Directive.IMG : Directive.MEDIA;
                    add(uses, file, directive, element.attr("src"));
                    srcset(uses, file, directive, element.attr("srcset"));
                }
                case "video" -> {
                    add(uses, file, Directive.MEDIA, element.attr("src"));
                    add(uses, file, Directive.IMG, element.attr("poster"));
                }
                case "audio", "track" -> add(uses, file, Directive.MEDIA, element.attr("src"));
                case "script" -> {
                    if (element.has("src")) {
                        add(uses, file, Directive.SCRIPT, element.attr("src"));
                    } else if (!DATA_SCRIPT_TYPES.contains(element.attr("type").toLowerCase(Locale.ROOT).strip())) {
                        inline.add("an inline <script> element");
                    }
                }
                case "style" -> inline.add("an inline <style> element");
                case "link" -> link(uses, file, element);
                case "iframe", "frame" -> add(uses, file, Directive.FRAME, element.attr("src"));
                case "object" -> add(uses, file, Directive.OBJECT, element.attr("data"));
                case "embed" -> add(uses, file, Directive.OBJECT, element.attr("src"));
                case "input" -> {
                    if (element.attr("type").equalsIgnoreCase("image")) {
                        add(uses, file, Directive.IMG, element.attr("src"));
                    }
                    add(uses, file, Directive.FORM, element.attr("formaction"));
                }
                case "button" -> add(uses, file, Directive.FORM, element.attr("formaction"));
                case "form" -> add(uses, file, Directive.FORM, element.attr("action"));
                case "a", "area" -> add(uses, file, Directive.LINK, element.attr("href"));
                case "meta" -> {
                    String property = element.attr("property").isEmpty() ? element.attr("name")
                            : element.attr("property");
                    if (property.equals("og:image") || property.equals("twitter:image")) {
                        // Fetched by the sharing service, not the reader's browser; checked as a link.
                        add(uses, file, Directive.LINK, element.attr("content"));
                    } else if (element.attr("http-equiv").equalsIgnoreCase("refresh")) {
                        Matcher m = REFRESH_URL.matcher(element.attr("content"));
                        if (m.find()) {
                            add(uses, file, Directive.LINK, m.group(1));
                        }
                    }
                }
                default -> {
                }
            }
            for (HtmlStartTags.Attribute attribute : element.attributes()) {
                String name = attribute.name();
                if (name.equals("style")) {
                    inline.add("a style=\"\" attribute on <" + tag + ">");
                } else if (name.startsWith("on")) {
                    inline.add("an event handler " + name + "=\"\" on <" + tag + ">");
                } else if (isScriptUrl(attribute.value())) {
                    inline.add("a javascript: address in " + name + "=\"\" on <" + tag + ">");
                } else if (name.equals("srcdoc")) {
                    inline.add("a document inside srcdoc=\"\" on <" + tag + ">");
                }
            }
        }
        return new PageScan(file, uses, inline);
    }

    /**
     * Whether a browser reads {@code value} as a {@code javascript:} address: it drops tabs and line
     * breaks anywhere in an address and spaces and control characters around it, so
     * {@code " java&#9;script:"} runs too.
     */
    static boolean isScriptUrl(String value) {
        return urlForm(value).startsWith("javascript:");
    }

    /** Whether {@code value} holds a {@code javascript:} address anywhere (a list of values, an animation). */
    static boolean scriptUrlIn(String value) {
        return urlForm(value).contains("javascript:");
    }

    private static String urlForm(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        int start = 0;
        while (start < out.length() && out.charAt(start) <= ' ') {
            start++;
        }
        return out.substring(start).toLowerCase(Locale.ROOT);
    }

    /** Scans the stylesheet published at {@code file}: fonts from {@code @font-face}, images, imports. */
    public static PageScan css(String file, String css) {
        List<Use> uses = new ArrayList<>();
        String stripped = css.replaceAll("(?s)/\\*.*?\\*/", " ");
        Matcher faces = FONT_FACE.matcher(stripped);
        StringBuilder rest = new StringBuilder();
        while (faces.find()) {
            Matcher urls = CSS_URL.matcher(faces.group());
            while (urls.find()) {
                add(uses, file, Directive.FONT, urls.group(2));
            }
            faces.appendReplacement(rest, "");
        }
        faces.appendTail(rest);
        Matcher imports = CSS_IMPORT.matcher(rest);
        StringBuilder withoutImports = new StringBuilder();
        while (imports.find()) {
            add(uses, file, Directive.STYLE, imports.group(2));
            imports.appendReplacement(withoutImports, "");
        }
        imports.appendTail(withoutImports);
        Matcher urls = CSS_URL.matcher(withoutImports);
        while (urls.find()) {
            add(uses, file, Directive.IMG, urls.group(2));
        }
        return new PageScan(file, uses, List.of());
    }

    private static void link(List<Use> uses, String file, HtmlStartTags.Tag element) {
        Set<String> rel = Set.of(element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
        String href = element.attr("href");
        if (rel.contains("stylesheet")) {
            add(uses, file, Directive.STYLE, href);
        } else if (rel.contains("icon") || rel.contains("apple-touch-icon") || rel.contains("mask-icon")) {
            add(uses, file, Directive.IMG, href);
        } else if (rel.contains("manifest")) {
            add(uses, file, Directive.MANIFEST, href);
        } else if (rel.contains("preload") || rel.contains("modulepreload") || rel.contains("prefetch")) {
            add(uses, file, switch (element.attr("as").toLowerCase(Locale.ROOT)) {
                case "script", "worker" -> Directive.SCRIPT;
                case "style" -> Directive.STYLE;
                case "font" -> Directive.FONT;
                case "image" -> Directive.IMG;
                case "audio", "video", "track" -> Directive.MEDIA;
                case "fetch" -> Directive.CONNECT;
                default -> rel.contains("modulepreload") ? Directive.SCRIPT : Directive.PRECONNECT;
            }, href);
        } else if (rel.contains("preconnect") || rel.contains("dns-prefetch")) {
            add(uses, file, Directive.PRECONNECT, href);
        } else {
            // canonical, alternate (feeds, translations), author ...: addresses, not loads.
            add(uses, file, Directive.LINK, href);
        }
    }

    private static void srcset(List<Use> uses, String file, Directive directive, String srcset) {
        if (srcset.isBlank()) {
            return;
        }
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip().split("\\s+")[0];
            add(uses, file, directive, url);
        }
    }

    private static void add(List<Use> uses, String file, Directive directive, String url) {
        String value = url.strip();
        if (!value.isEmpty()) {
            uses.add(new Use(file, directive, value));
        }
    }
}

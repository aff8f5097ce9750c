package io.github.broadside.editor;

import io.github.broadside.config.BrowserEditor;
import io.github.broadside.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Entities;

/**
 * The page at {@code /admin/} that loads Decap CMS: its script pinned to one published version and
 * checked by Subresource Integrity, and a Content-Security-Policy of its own that admits exactly what
 * the editor needs (its script's folder, the Git host's API, inline styles and {@code eval}, which
 * Decap's schema checks use).
 *
 * <p>This page is for the site's staff, not for signers: it is written after the privacy check and
 * the policy derivation, so it never widens the campaign pages' policy, and no content can publish a
 * file at its address. See {@code docs/editing-in-the-browser.md} and {@code docs/security.md}.
 */
public final class DecapAdminPage {
    /** The Decap CMS release the page loads (the npm package {@code decap-cms}). */
    public static final String VERSION = "3.16.3";
    /** Where that release's files are served: the script loads its other parts from the same folder. */
    public static final String FOLDER = "https://unpkg.com/decap-cms@" + VERSION + "/dist/";
    public static final String SCRIPT = FOLDER + "decap-cms.js";
    /** SHA-384 of {@code dist/decap-cms.js} in the npm package {@code decap-cms@3.16.3}. */
    public static final String INTEGRITY = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";
    /** Netlify Identity's sign-in widget, which the git-gateway backend needs. */
    public static final String IDENTITY_SCRIPT = "https://identity.netlify.com/v1/netlify-identity-widget.js";
    /** Where the page and its configuration are published, relative to the site root. */
    public static final String PAGE = "admin/index.html";
    public static final String CONFIG = "admin/config.yml";

    private DecapAdminPage() {
    }

    /** The page's HTML; {@code siteTitle} names the site in its title. */
    public static String html(BrowserEditor editor, String siteTitle) {
        Objects.requireNonNull(editor, "editor");
        StringBuilder head = new StringBuilder();
        head.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(policy(editor).replace("&", "&amp;").replace("\"", "&quot;"))
                .append("\">\n<title>Edit ").append(Entities.escape(siteTitle)).append("</title>\n")
                .append("<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n");
        if (editor.backend().equals("git-gateway")) {
            head.append("<script src=\"").append(IDENTITY_SCRIPT).append("\"></script>\n");
        }
        return head + "</head>\n<body>\n"
                + "<noscript><p>The editor needs JavaScript. You can also edit the Markdown files in content/ "
                + "directly.</p></noscript>\n"
                + "<script src=\"" + SCRIPT + "\" integrity=\"" + INTEGRITY + "\" crossorigin=\"anonymous\"></script>\n"
                + "</body>\n</html>\n";
    }

    /**
     * What the page may load, by directive. The Git host's API is the only place it talks to besides
     * the site; pictures may come from anywhere over https, as the editor previews them from the
     * repository.
     */
    public static Map<String, List<String>> directives(BrowserEditor editor) {
        List<String> scripts = new ArrayList<>(List.of("'self'", FOLDER, "'unsafe-eval'"));
        List<String> connect = new ArrayList<>(List.of("'self'"));
        switch (editor.backend()) {
            case "github" -> connect.add("https://api.github.com");
            case "gitlab" -> connect.add("https://gitlab.com");
            case "git-gateway" -> {
                scripts.add(IDENTITY_SCRIPT);
                connect.add("https://api.netlify.com");
            }
            default -> throw new IllegalStateException(editor.backend());
        }
        if (!editor.authUrl().isEmpty()) {
            Origin.parse(editor.authUrl()).ifPresent(origin -> connect.add(origin.toString()));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("default-src", List.of("'self'"));
        out.put("script-src", List.copyOf(scripts));
        out.put("style-src", List.of("'self'", "'unsafe-inline'"));
        out.put("img-src", List.of("'self'", "data:", "blob:", "https:"));
        out.put("font-src", List.of("'self'", "data:"));
        out.put("connect-src", connect.stream().distinct().toList());
        out.put("worker-src", List.of("'self'", "blob:"));
        out.put("object-src", List.of("'none'"));
        out.put("base-uri", List.of("'none'"));
        return out;
    }

    /** The page's policy, for its {@code <meta>} tag. */
    static String policy(BrowserEditor editor) {
        List<String> parts = new ArrayList<>();
        directives(editor).forEach((name, sources) -> parts.add(name + " " + String.join(" ", sources)));
        return String.join("; ", parts);
    }
}

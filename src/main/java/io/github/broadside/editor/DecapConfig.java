package io.github.broadside.editor;

import com.ibm.icu.util.ULocale;
import io.github.broadside.config.BrowserEditor;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.FrontMatterFields;
import io.github.broadside.schema.Block;
import io.github.broadside.schema.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code config.yml} Decap CMS reads at {@code /admin/}: one collection per language folder,
 * whose fields are the front-matter definitions the parser validates with ({@link FrontMatterFields}),
 * so the browser editor offers exactly the keys, allowed words and kinds of value the build accepts.
 * Pictures go to {@code content/static/images/} and are written as {@code /images/...}, the
 * site-absolute form the build publishes.
 *
 * <p>Only the page's own keys are required, as in the editors' JSON Schema: a translation leaves out
 * of its blocks what it inherits from its source. Keys whose value the editor cannot show as a form
 * (an action's form provider settings) are kept as they are written in the file, not edited.
 */
public final class DecapConfig {
    /** Where uploaded pictures go, inside the content folder. */
    public static final String MEDIA_FOLDER = "static/images";
    /** How the pages address them. */
    public static final String PUBLIC_FOLDER = "/images";
    /** The Markdown text after the front matter, as Decap names it. */
    public static final String BODY = "body";

    private DecapConfig() {
    }

    /**
     * The configuration's text.
     *
     * @param editor        the site's {@code cms:} settings
     * @param config        the site's settings (its address and language names)
     * @param languages     the language folders, default language first
     * @param contentFolder the content folder relative to the project ({@code content})
     */
    public static String yaml(BrowserEditor editor, SiteConfig config, List<String> languages, String contentFolder) {
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(config, "config");
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a site has at least one language");
        }
        String content = editor.path() + (contentFolder.endsWith("/") ? contentFolder : contentFolder + "/");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("backend", backend(editor));
        root.put("site_url", config.baseUrl().toString());
        root.put("display_url", config.baseUrl().toString());
        root.put("media_folder", content + MEDIA_FOLDER);
        root.put("public_folder", PUBLIC_FOLDER);
        List<Object> collections = new ArrayList<>();
        for (String language : languages) {
            collections.add(collection(language, languageName(config, language), content + language));
        }
        root.put("collections", collections);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setDereferenceAliases(true);
        return "# Written by Broadside from content/site.yml (cms:) and its front-matter definitions at each build;\n"
                + "# change those, not this file. See docs/editing-in-the-browser.md.\n"
                + new Yaml(options).dump(root);
    }

    private static Map<String, Object> backend(BrowserEditor editor) {
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", editor.backend());
        if (editor.needsRepo()) {
            backend.put("repo", editor.repo());
        }
        backend.put("branch", editor.branch());
        if (!editor.authUrl().isEmpty()) {
            backend.put("base_url", editor.authUrl());
        }
        if (!editor.appId().isEmpty()) {
            backend.put("app_id", editor.appId());
            if (editor.backend().equals("gitlab")) {
                backend.put("auth_type", "pkce");
            }
        }
        return backend;
    }

    /** The name a language's collection shows: site.yml's name for it, else its own name from CLDR. */
    static String languageName(SiteConfig config, String language) {
        return config.localization().settings(language).name().orElseGet(() -> {
            ULocale locale = ULocale.forLanguageTag(language);
            String own = locale.getDisplayName(locale);
            return own.isEmpty() ? language : own.substring(0, 1).toUpperCase(Locale.ROOT) + own.substring(1);
        });
    }

    private static Map<String, Object> collection(String language, String name, String folder) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("name", "pages-" + language);
        collection.put("label", "Pages: " + name + " (" + language + ")");
        collection.put("label_singular", "page (" + language + ")");
        collection.put("description", "The campaigns and pages in " + folder + "/.");
        collection.put("folder", folder);
        collection.put("create", true);
        collection.put("extension", "md");
        collection.put("format", "yaml-frontmatter");
        collection.put("slug", "{{slug}}");
        collection.put("identifier_field", "title");
        collection.put("sortable_fields", List.of("title", "date"));
        List<Object> fields = fields(FrontMatterFields.PAGE, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", BODY);
        body.put("label", "Text");
        body.put("widget", "markdown");
        body.put("required", false);
        body.put("hint", "The page's text in Markdown, after the front matter.");
        fields.add(body);
        collection.put("fields", fields);
        return collection;
    }

    private static List<Object> fields(Block block, boolean root) {
        List<Object> out = new ArrayList<>();
        for (Field field : block.fields()) {
            out.add(field(field, root));
        }
        return out;
    }

    /** One key as a Decap field: the widget that takes the key's kind of value. */
    static Map<String, Object> field(Field field, boolean root) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", field.name());
        out.put("label", label(field.name()));
        switch (field.kind()) {
            case TEXT -> out.put("widget", "string");
            case MARKDOWN -> out.put("widget", "markdown");
            case URL -> out.put("widget", field.name().equals("image") ? "image" : "string");
            case DATE -> {
                out.put("widget", "datetime");
                out.put("format", "YYYY-MM-DD");
                out.put("date_format", "YYYY-MM-DD");
                out.put("time_format", false);
            }
            case INTEGER -> {
                out.put("widget", "number");
                out.put("value_type", "int");
                out.put("min", 0);
            }
            case BOOLEAN -> out.put("widget", "boolean");
            case CHOICE -> {
                out.put("widget", "select");
                out.put("options", field.values());
            }
            case TEXTS -> out.put("widget", "list");
            case BLOCK, TEXT_OR_BLOCK, BOOLEAN_OR_BLOCK -> {
                out.put("widget", "object");
                out.put("collapsed", true);
                out.put("fields", fields(field.block().orElseThrow(), false));
            }
            case BLOCKS -> {
                out.put("widget", "list");
                out.put("collapsed", true);
                out.put("fields", fields(field.block().orElseThrow(), false));
            }
            // A provider's options or a per-language table: kept as the file has them.
            case OPEN_BLOCK, PER_LANGUAGE -> out.put("widget", "hidden");
            default -> throw new IllegalStateException(field.kind().name());
        }
        out.put("required", root && field.required());
        out.put("hint", field.description());
        return out;
    }

    /** Labels that read better than the key's words. */
    private static final Map<String, String> LABELS = Map.of("cta", "Button text", "imageAlt",
            "Image description", "optIn", "Ask signers to opt in", "url", "Address");

    /** {@code findRepresentativeUrl} as {@code Find representative address}. */
    public static String label(String name) {
        if (LABELS.containsKey(name)) {
            return LABELS.get(name);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0) {
                out.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().replace(" url", " address").replace("Url", "Address");
    }
}

package io.github.broadside.config;

import io.github.broadside.yaml.SafeUrl;
import io.github.broadside.yaml.SourceText;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code site.yml} into a {@link SiteConfig}. Every key has a sensible default, so a missing
 * file or key is not an error; a wrong value is, with its line.
 */
public final class SiteConfigLoader {
    static final Set<String> KEYS = SiteFields.SITE.keys();
    /** The largest {@code pagination: pageSize}: a list page stays a page, not the whole site. */
    static final int MAX_PAGE_SIZE = 1000;
    static final Set<String> QUICK_EXIT_KEYS = SiteFields.QUICK_EXIT.keys();
    static final Set<String> LANGUAGE_KEYS = SiteFields.LANGUAGE.keys();
    private static final java.util.regex.Pattern FOLDER_TAG = java.util.regex.Pattern.compile(
            "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private SiteConfigLoader() {
    }

    /**
     * Loads {@code file} (shown in problems as {@code displayPath}). Problems are added to
     * {@code problems}; the returned config is usable even when there were some.
     */
    public static SiteConfig load(Path file, String displayPath, Problems problems) {
        return load(file, displayPath, io.github.broadside.files.ProjectFiles.trusting(file.getParent()), problems);
    }

    /** {@link #load(Path, String, Problems)} read through the project's guard {@code files}. */
    public static SiteConfig load(Path file, String displayPath, io.github.broadside.files.ProjectFiles files,
            Problems problems) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Problem.warning(displayPath, 0, 0, "no site.yml found; using default settings",
                    "create " + displayPath + " with at least 'title:' and 'baseUrl:'"));
            return defaults();
        }
        Optional<byte[]> bytes = files.read(file, displayPath, problems);
        if (bytes.isEmpty()) {
            return defaults();
        }
        SourceText.Result decoded = SourceText.decode(displayPath, bytes.get());
        if (decoded instanceof SourceText.Invalid invalid) {
            problems.add(invalid.problem());
            return defaults();
        }
        String text = ((SourceText.Text) decoded).text();
        Optional<YamlMap> yaml = YamlSource.parseMapping(displayPath, 1, text, problems);
        return yaml.map(map -> fromYaml(map)).orElseGet(SiteConfigLoader::defaults);
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Campaigns", "", URI.create("http://localhost:8080/"), "en", "", "",
                List.of(), List.of(), "", false, List.of(), Optional.empty(), QuickExit.defaults(),
                Localization.defaults(), SiteConfig.DEFAULT_PAGE_SIZE, Optional.empty());
    }

    private static SiteConfig fromYaml(YamlMap map) {
        map.warnUnknownKeys(KEYS, "site.yml");
        String title = map.string("title").orElse("Campaigns");
        URI baseUrl = map.string("baseUrl").flatMap(text -> baseUrl(map, text))
                .orElse(URI.create("http://localhost:8080/"));
        String language = map.string("defaultLanguage").orElse("en");
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            map.error("defaultLanguage", "'" + language + "' is not a language tag",
                    "use a BCP 47 tag such as en, es, pt-BR");
            language = "en";
        }
        String organization = "";
        String organizationUrl = "";
        if (map.has("organization")) {
            Optional<YamlMap> block = map.map("organization");
            if (block.isPresent()) {
                block.get().warnUnknownKeys(SiteFields.ORGANIZATION.keys(), "organization");
                organization = block.get().string("name").orElse("");
                organizationUrl = block.get().url("url", SafeUrl.Use.LINK).orElse("");
            }
        }
        List<Link> navigation = links(map, "navigation");
        List<Link> footer = new ArrayList<>();
        Optional<YamlMap> footerBlock = map.map("footer");
        if (footerBlock.isPresent()) {
            footerBlock.get().warnUnknownKeys(SiteFields.FOOTER.keys(), "footer");
            footer.addAll(links(footerBlock.get(), "links"));
        }
        return new SiteConfig(title, map.string("description").orElse(""), baseUrl, language, organization,
                organizationUrl, navigation, footer, map.url("privacyUrl", SafeUrl.Use.LINK).orElse(""),
                map.bool("drafts", false), allowedOrigins(map), map.map("forms").map(FormSettings::read),
                quickExit(map), localization(map), pageSize(map), browserEditor(map));
    }

    /** {@code cms: {backend, repo, branch, authUrl, appId, path}}: the browser editor, when a site wants one. */
    private static Optional<BrowserEditor> browserEditor(YamlMap map) {
        if (map.has("cms") && !map.isMap("cms")) {
            map.valueError("cms", "'cms' must be a block", "write e.g.\n  cms:\n    backend: github\n"
                    + "    repo: my-org/campaigns");
            return Optional.empty();
        }
        Optional<YamlMap> found = map.map("cms");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YamlMap block = found.get();
        block.warnUnknownKeys(SiteFields.CMS.keys(), "cms");
        String backend = block.requiredString("backend", "where Decap CMS keeps the content ("
                + String.join(", ", BrowserEditor.BACKENDS) + ")");
        if (backend.isEmpty()) {
            return Optional.empty();
        }
        if (!BrowserEditor.BACKENDS.contains(backend)) {
            block.valueError("backend", "'" + backend + "' is not a backend the browser editor supports",
                    "use one of " + String.join(", ", BrowserEditor.BACKENDS));
            return Optional.empty();
        }
        String repo = block.string("repo").orElse("").strip();
        boolean ok = true;
        if (!backend.equals("git-gateway") && !repo.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+")) {
            if (repo.isEmpty()) {
                block.missing("repo", "the " + backend + " backend needs the repository", "add a line 'repo: "
                        + "my-org/campaigns' (owner/name) under cms:");
            } else {
                block.valueError("repo", "'" + repo + "' is not a repository name", "write owner/name, e.g. "
                        + "my-org/campaigns, without https:// or .git");
            }
            ok = false;
        }
        String branch = block.string("branch").orElse(BrowserEditor.DEFAULT_BRANCH).strip();
        if (branch.isEmpty() || !branch.matches("[A-Za-z0-9._/-]+") || branch.contains("..")) {
            block.valueError("branch", "'" + branch + "' is not a branch name", "write the branch editors commit "
                    + "to, e.g. main");
            ok = false;
        }
        String authUrl = block.string("authUrl").orElse("").strip();
        if (!authUrl.isEmpty() && (!authUrl.startsWith("https://") || Origin.parse(authUrl).isEmpty()
                || !authUrl.matches("[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+"))) {
            block.valueError("authUrl", "the sign-in service '" + authUrl + "' is not an https:// address",
                    "write its https:// address, e.g. https://api.netlify.com");
            ok = false;
        }
        String path = block.string("path").orElse("").strip();
        if (path.equals(".") || path.equals("./")) {
            path = "";
        }
        if (path.startsWith("/") || path.contains("\\") || java.util.Arrays.asList(path.split("/")).contains("..")) {
            block.valueError("path", "'" + path + "' is not a folder inside the repository",
                    "write the project's folder relative to the repository's top level, e.g. site/");
            ok = false;
        }
        return ok ? Optional.of(new BrowserEditor(backend, repo, branch, authUrl,
                block.string("appId").orElse("").strip(), path)) : Optional.empty();
    }

    /** {@code pagination: {pageSize: N}}: campaigns per home or term page, 1 to {@value #MAX_PAGE_SIZE}. */
    private static int pageSize(YamlMap map) {
        Optional<YamlMap> block = map.map("pagination");
        if (block.isEmpty()) {
            return SiteConfig.DEFAULT_PAGE_SIZE;
        }
        block.get().warnUnknownKeys(SiteFields.PAGINATION.keys(), "pagination");
        java.util.OptionalLong size = block.get().integer("pageSize");
        if (size.isPresent() && (size.getAsLong() < 1 || size.getAsLong() > MAX_PAGE_SIZE)) {
            block.get().valueError("pageSize", "a page size of " + size.getAsLong() + " is out of range",
                    "give a number of campaigns per list page from 1 to " + MAX_PAGE_SIZE + ", e.g. pageSize: "
                            + SiteConfig.DEFAULT_PAGE_SIZE);
            return SiteConfig.DEFAULT_PAGE_SIZE;
        }
        return size.isPresent() ? (int) size.getAsLong() : SiteConfig.DEFAULT_PAGE_SIZE;
    }

    /** The multilingual keys: {@code languages:}, {@code defaultLanguageInSubfolder:}, {@code untranslatedCampaigns:}. */
    static Localization localization(YamlMap map) {
        List<LanguageSettings> languages = new ArrayList<>();
        if (map.has("languages") && !map.isBlock("languages")) {
            map.error("languages", "'languages' must be a block with one line per language folder",
                    "write e.g.\n  languages:\n    en: English\n    es:\n      name: Español\n      title: Campañas");
        }
        map.map("languages").ifPresent(block -> {
            for (String tag : block.keys()) {
                if (!FOLDER_TAG.matcher(tag).matches()) {
                    block.error(tag, "'" + tag + "' is not a language tag",
                            "use the name of the language's folder in content/, e.g. es or pt-BR");
                    continue;
                }
                languages.add(languageSettings(block, tag));
            }
        });
        boolean show = true;
        Optional<String> untranslated = map.string("untranslatedCampaigns");
        if (untranslated.isPresent()) {
            List<String> values = SiteFields.SITE.values("untranslatedCampaigns");
            switch (values.indexOf(untranslated.get())) {
                case 0 -> show = true;
                case 1 -> show = false;
                default -> map.error("untranslatedCampaigns", "unknown value '" + untranslated.get() + "'",
                        "use 'show' (list them, marked with their language) or 'omit' (leave them out)");
            }
        }
        return new Localization(languages, map.bool("defaultLanguageInSubfolder", false), show);
    }

    private static LanguageSettings languageSettings(YamlMap block, String tag) {
        int line = block.lineOf(tag);
        if (!block.isBlock(tag)) {
            // The short form 'es: Español' gives only the name; 'es:' alone only fixes the order.
            return new LanguageSettings(tag, line, block.string(tag), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        YamlMap settings = block.map(tag).orElseThrow();
        settings.warnUnknownKeys(LANGUAGE_KEYS, "languages: " + tag);
        Optional<List<Link>> navigation = settings.has("navigation") ? Optional.of(links(settings, "navigation"))
                : Optional.empty();
        Optional<List<Link>> footer = settings.map("footer").map(footerBlock -> {
            footerBlock.warnUnknownKeys(SiteFields.FOOTER.keys(), "footer");
            return links(footerBlock, "links");
        });
        return new LanguageSettings(tag, line, settings.string("name"), settings.string("title"),
                settings.string("description"), navigation, footer);
    }

    /** {@code quickExit: true}, or a block with {@code enabled:} and {@code url:}. */
    private static QuickExit quickExit(YamlMap map) {
        if (!map.has("quickExit")) {
            return QuickExit.defaults();
        }
        if (!map.isMap("quickExit")) {
            return new QuickExit(map.bool("quickExit", false), QuickExit.DEFAULT_URL);
        }
        YamlMap block = map.map("quickExit").orElseThrow();
        block.warnUnknownKeys(QUICK_EXIT_KEYS, "quickExit");
        String url = block.string("url").orElse(QuickExit.DEFAULT_URL);
        if (!url.startsWith("https://")) {
            block.error("url", "the quick exit address '" + url + "' is not an https:// address",
                    "use a neutral page such as " + QuickExit.DEFAULT_URL);
            url = QuickExit.DEFAULT_URL;
        }
        return new QuickExit(block.bool("enabled", false), url);
    }

    /** Reads a list of {@code {label, url}} blocks; unsafe addresses ({@link SafeUrl}) are errors. */
    public static List<Link> links(YamlMap map, String key) {
        List<Link> out = new ArrayList<>();
        for (YamlMap item : map.maps(key)) {
            item.warnUnknownKeys(SiteFields.LINK.keys(), key);
            String label = item.requiredString("label", "the text of the link");
            String url = item.requiredUrl("url", "where the link goes", SafeUrl.Use.LINK);
            if (!label.isEmpty() && !url.isEmpty()) {
                out.add(new Link(label, url));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads {@code privacy: {allowOrigins: [https://cdn.example.org]}}: the only third-party origins
     * pages may load anything from. Each must be a bare origin (scheme, host, optional port), or
     * {@code data:}, which allows static files' {@code data:} pictures and fonts.
     */
    private static List<String> allowedOrigins(YamlMap map) {
        Optional<YamlMap> block = map.map("privacy");
        if (block.isEmpty()) {
            return List.of();
        }
        block.get().warnUnknownKeys(SiteFields.PRIVACY.keys(), "privacy");
        List<String> out = new ArrayList<>();
        for (String text : block.get().strings("allowOrigins")) {
            if (text.strip().equalsIgnoreCase("data:")) {
                // data: pictures and fonts, which a static file would otherwise not be allowed to add.
                if (!out.contains("data:")) {
                    out.add("data:");
                }
                continue;
            }
            Optional<Origin> origin = Origin.parse(text).filter(o -> Origin.isBare(text));
            if (origin.isEmpty()) {
                block.get().error("allowOrigins", "'" + text + "' is not an origin",
                        "write only the scheme and host, e.g. https://images.example.org (no path)");
            } else if (!out.contains(origin.get().toString())) {
                out.add(origin.get().toString());
            }
        }
        return List.copyOf(out);
    }

    /** Parses an absolute http(s) base URL, reporting anything else at the key's line. */
    public static Optional<URI> parseBaseUrl(String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text : text + "/");
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> baseUrl(YamlMap map, String text) {
        Optional<URI> uri = parseBaseUrl(text);
        if (uri.isEmpty()) {
            map.error("baseUrl", "'" + text + "' is not an absolute http(s) URL",
                    "write the address the site is published at, e.g. https://campaigns.example.org/");
        }
        return uri;
    }
}

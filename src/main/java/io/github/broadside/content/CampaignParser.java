package io.github.broadside.content;

import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import io.github.broadside.yaml.SafeUrl;
import io.github.broadside.config.FormSettings;
import io.github.broadside.config.Link;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.markdown.MarkdownLimits;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The parse stage for one file: front matter split, safe YAML, validation against the front-matter
 * schema (documented in {@code docs/front-matter.md}), and the immutable {@link Campaign}.
 *
 * <p>Problems go to the build's {@link Problems}; a file with errors yields no campaign, but every
 * problem in it is reported, not only the first.
 */
public final class CampaignParser {
    static final Set<String> KEYS = FrontMatterFields.PAGE.keys();
    static final Set<String> ACTION_KEYS = FrontMatterFields.ACTION.keys();
    static final Set<String> SIGNATORY_KEYS = FrontMatterFields.SIGNATORY.keys();
    static final Set<String> TARGET_KEYS = FrontMatterFields.TARGET.keys();
    static final Set<String> UPDATE_KEYS = FrontMatterFields.UPDATE.keys();
    static final Set<String> QUOTE_KEYS = FrontMatterFields.QUOTE.keys();
    static final Set<String> DONATE_KEYS = FrontMatterFields.DONATE.keys();
    static final Set<String> TRANSLATION_OF_KEYS = FrontMatterFields.TRANSLATION_OF.keys();
    /**
     * Keys a translation never takes from its source: the page's own words and addresses (its
     * earlier addresses too: each language version has its own). Everything
     * else it leaves out (dates, status, actions with their goals and phone numbers, quote, donate,
     * links, and any key added to the schema later) is read from the source.
     */
    static final Set<String> NOT_INHERITED = Set.of("title", "slug", "summary", "tags", "categories", "draft",
            "aliases", "translationKey", "translationOf");

    private final String defaultLanguage;
    private final boolean defaultLanguageInSubfolder;

    /** @param defaultLanguage the language served at the site root; others live under {@code /<lang>/} */
    public CampaignParser(String defaultLanguage) {
        this(defaultLanguage, false);
    }

    /**
     * @param defaultLanguage            the language translations are made from by default
     * @param defaultLanguageInSubfolder whether the default language too lives under {@code /<lang>/}
     */
    public CampaignParser(String defaultLanguage, boolean defaultLanguageInSubfolder) {
        this.defaultLanguage = defaultLanguage;
        this.defaultLanguageInSubfolder = defaultLanguageInSubfolder;
    }

    /** The language translations are made from when they do not name their source. */
    public String defaultLanguage() {
        return defaultLanguage;
    }

    /** The translation key of a file that does not set {@code translationKey}: its path without {@code .md}. */
    public static String defaultKey(String sourcePath) {
        return sourcePath.endsWith(".md") ? sourcePath.substring(0, sourcePath.length() - 3) : sourcePath;
    }

    /**
     * Parses one decoded file.
     *
     * @param file       the file as shown in problems
     * @param language   the language folder it sits in
     * @param sourcePath its path inside the language folder, with forward slashes
     */
    public Optional<Campaign> parse(String file, String language, String sourcePath, String text, Problems problems) {
        Optional<ContentFile> composed = compose(file, language, sourcePath, text, problems);
        return composed.flatMap(f -> read(f, problems));
    }

    /**
     * The first half of {@link #parse}: splits the file and composes its front matter, without
     * reading it yet. Problems of the YAML go to the returned file's own {@link ContentFile#problems()};
     * a file without front matter reports to {@code problems} and yields nothing.
     */
    public Optional<ContentFile> compose(String file, String language, String sourcePath, String text,
            Problems problems) {
        FrontMatter.Result split = FrontMatter.split(file, text);
        if (split instanceof FrontMatter.Missing missing) {
            problems.add(missing.problem());
            return Optional.empty();
        }
        FrontMatter.Parts parts = ((FrontMatter.Split) split).parts();
        Problems own = new Problems();
        Optional<YamlMap> yaml = YamlSource.parseMapping(file, parts.yamlLine(), parts.yaml(), own);
        if (yaml.isEmpty()) {
            problems.addAll(own.sorted());
            return Optional.empty();
        }
        String key = yaml.get().string("translationKey").orElse(defaultKey(sourcePath));
        return Optional.of(new ContentFile(file, language, sourcePath, parts, yaml.get(), own, key, Optional.empty()));
    }

    /**
     * The source a file names in {@code translationOf} ({@code translationOf: {source: en/x.md}} or the
     * short form {@code translationOf: en/x.md}), as written.
     */
    public Optional<String> declaredSource(ContentFile file) {
        YamlMap map = file.frontMatter();
        if (!map.has("translationOf")) {
            return Optional.empty();
        }
        if (map.isBlock("translationOf")) {
            return map.map("translationOf").flatMap(block -> block.string("source"));
        }
        return map.string("translationOf");
    }

    /**
     * {@code translation} linked to {@code source} (itself possibly linked to its own source): its
     * front matter inherits every key it leaves out except {@link #NOT_INHERITED}, and it joins the
     * source's translation key.
     */
    public ContentFile inherit(ContentFile translation, ContentFile source) {
        Set<String> notInherited = new java.util.HashSet<>(NOT_INHERITED);
        Set<String> own = translation.frontMatter().keys();
        // 'action' and 'actions' are one slot: writing one merges with the source's block(s) under
        // the same key and hides the other, so the page never ends up with both.
        if (own.contains("action")) {
            notInherited.add("actions");
        }
        if (own.contains("actions")) {
            notInherited.add("action");
        }
        return new ContentFile(translation.file(), translation.language(), translation.sourcePath(),
                translation.parts(), translation.frontMatter().inheriting(source.frontMatter(), notInherited),
                translation.problems(), source.key(), Optional.of(source.contentPath()));
    }

    /**
     * The second half of {@link #parse}: reads a composed (and possibly linked) file into a
     * {@link Campaign}. The file's own problems are added to {@code problems}; a file with errors
     * yields nothing.
     */
    public Optional<Campaign> read(ContentFile file, Problems problems) {
        Campaign campaign = read(file.frontMatter(), file.file(), file.language(), file.sourcePath(), file.parts(),
                translation(file));
        checkMarkdownLimits(campaign, file.file(), file.parts(), file.problems());
        problems.addAll(file.problems().sorted());
        if (file.problems().hasErrors()) {
            return Optional.empty();
        }
        if (file.source().isPresent()) {
            // Read again only now: the file's problems were all reported above, once.
            List<InheritedText> inherited = inheritedText(file);
            if (!inherited.isEmpty()) {
                campaign = campaign.withTranslation(campaign.translation().withInheritedText(inherited));
            }
        }
        return Optional.of(campaign);
    }

    /**
     * The words a translation shows from its source because it leaves those text fields out (names
     * of people and organisations, numbers and addresses are not words to translate, so not listed).
     */
    private List<InheritedText> inheritedText(ContentFile file) {
        YamlMap map = file.frontMatter();
        List<InheritedText> out = new ArrayList<>();
        List<YamlMap> actions = map.has("actions") && !map.has("action") ? map.maps("actions")
                : map.map("action").map(List::of).orElse(List.of());
        for (int a = 0; a < actions.size(); a++) {
            YamlMap action = actions.get(a);
            String at = map.has("actions") && !map.has("action") ? "actions[" + a + "]" : "action";
            for (String key : List.of("label", "cta", "intro", "script")) {
                inherited(file, action, key, at + "." + key, out);
            }
            List<YamlMap> targets = action.maps("targets");
            for (int t = 0; t < targets.size(); t++) {
                inherited(file, targets.get(t), "name", at + ".targets[" + t + "].name", out);
                inherited(file, targets.get(t), "role", at + ".targets[" + t + "].role", out);
            }
            List<YamlMap> signatories = action.maps("signatories");
            for (int i = 0; i < signatories.size(); i++) {
                inherited(file, signatories.get(i), "role", at + ".signatories[" + i + "].role", out);
            }
        }
        map.map("quote").ifPresent(q -> {
            inherited(file, q, "text", "quote.text", out);
            inherited(file, q, "role", "quote.role", out);
        });
        map.map("donate").ifPresent(d -> inherited(file, d, "label", "donate.label", out));
        List<YamlMap> updates = map.maps("updates");
        for (int i = 0; i < updates.size(); i++) {
            inherited(file, updates.get(i), "text", "updates[" + i + "].text", out);
        }
        List<YamlMap> links = map.maps("links");
        for (int i = 0; i < links.size(); i++) {
            inherited(file, links.get(i), "label", "links[" + i + "].label", out);
        }
        return out;
    }

    private void inherited(ContentFile file, YamlMap block, String key, String field, List<InheritedText> out) {
        Optional<YamlMap> writer = block.writerOf(key);
        if (writer.isEmpty() || writer.get().file().equals(file.file())) {
            return;
        }
        Optional<String> text = writer.get().string(key);
        Optional<String> language = languageOf(writer.get().file(), file.file(), file.language(), file.sourcePath());
        if (text.isPresent() && language.isPresent() && !language.get().equals(file.language())) {
            out.add(new InheritedText(field, text.get(), language.get(), writer.get().file(),
                    writer.get().lineOf(key)));
        }
    }

    /** The language folder of {@code other}, a file named like {@code file} (same content folder). */
    private static Optional<String> languageOf(String other, String file, String language, String sourcePath) {
        String own = language + "/" + sourcePath;
        if (!file.endsWith(own)) {
            return Optional.empty();
        }
        String prefix = file.substring(0, file.length() - own.length());
        if (!other.startsWith(prefix)) {
            return Optional.empty();
        }
        String inside = other.substring(prefix.length());
        int slash = inside.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(inside.substring(0, slash));
    }

    /** Markdown the renderer cannot take (see {@link MarkdownLimits}) is an error at its line, not a crash. */
    private static void checkMarkdownLimits(Campaign c, String file, FrontMatter.Parts parts, Problems problems) {
        MarkdownLimits.check(c.body()).ifPresent(e -> problems.add(
                Problem.error(file, parts.bodyLine() + e.line() - 1, 0, e.message(), e.hint())));
        List<String> fields = new ArrayList<>();
        for (Action a : c.actions()) {
            fields.add(a.intro());
            fields.add(a.script());
        }
        c.updates().forEach(u -> fields.add(u.text()));
        c.quote().ifPresent(q -> fields.add(q.text()));
        fields.stream().map(MarkdownLimits::check).flatMap(Optional::stream).findFirst().ifPresent(e -> problems.add(
                Problem.error(file, parts.yamlLine(), 0, "in the front matter: " + e.message(), e.hint())));
    }

    private static Translation translation(ContentFile file) {
        YamlMap map = file.frontMatter();
        String contentHash = ContentHash.of(map, file.parts().body());
        Optional<String> hash = Optional.empty();
        if (map.isBlock("translationOf")) {
            YamlMap block = map.map("translationOf").orElseThrow();
            block.warnUnknownKeys(TRANSLATION_OF_KEYS, "translationOf");
            hash = block.string("hash").map(h -> h.toLowerCase(java.util.Locale.ROOT));
            if (hash.isPresent() && !ContentHash.isWellFormed(hash.get())) {
                block.error("hash", "'" + hash.get() + "' is not a version hash",
                        "let Broadside write it: ./mvnw broadside:translated -Dbroadside.file=" + file.contentPath());
                hash = Optional.empty();
            }
            if (!block.has("source") && file.source().isEmpty()) {
                block.error("translationOf", "'translationOf' does not name its source, and "
                                + "there is no page with the same name in the default language",
                        "add 'source: en/" + file.sourcePath() + "' (the file this page translates, inside the "
                                + "content folder)");
            }
        }
        return new Translation(file.key(), file.source(), hash, map.lineOf("translationOf"),
                map.columnOf("translationOf"), contentHash);
    }

    private Campaign read(YamlMap map, String file, String language, String sourcePath, FrontMatter.Parts parts,
            Translation translation) {
        map.warnUnknownKeys(KEYS, "");
        List<String> kinds = FrontMatterFields.PAGE.values("kind");
        PageKind kind = map.string("kind").map(k -> {
            if (!kinds.contains(k)) {
                map.valueError("kind", "unknown kind '" + k + "'", "use 'campaign' (the default) or 'page'");
            }
            return k.equals(kinds.get(1)) ? PageKind.PAGE : PageKind.CAMPAIGN;
        }).orElse(PageKind.CAMPAIGN);
        String title = map.requiredString("title", "every page needs a title");
        String slug = slug(map, sourcePath);
        Optional<LocalDate> date = map.date("date");
        if (kind == PageKind.CAMPAIGN && !map.has("date")) {
            map.missing("date", "'date' is missing: every campaign needs the date it was published",
                    "add a line 'date: 2024-05-01' (year-month-day)");
        }
        Status status = map.string("status").map(s -> Status.fromKey(s).orElseGet(() -> {
            map.valueError("status", "unknown status '" + s + "'", "use one of: " + String.join(", ", Status.keys()));
            return Status.ACTIVE;
        })).orElse(Status.ACTIVE);
        String path = (language.equals(defaultLanguage) && !defaultLanguageInSubfolder ? "/" : "/" + language + "/")
                + slug + "/";
        Optional<Image> image = map.url("image", SafeUrl.Use.IMAGE).flatMap(written -> {
            String alt = map.string("imageAlt").orElse("");
            if (alt.isEmpty()) {
                map.error("image", "the image has no 'imageAlt' text",
                        "add 'imageAlt:' describing the picture for people who cannot see it");
            }
            YamlMap writer = map.writerOf("image").orElse(map);
            String base = writer == map ? path : addressOf(writer, file, language, sourcePath).orElse(path);
            ImagePaths.Resolved resolved = ImagePaths.resolve(written, base);
            if (resolved instanceof ImagePaths.Resolved.Invalid invalid) {
                map.valueError("image", invalid.message(), invalid.hint());
                return Optional.empty();
            }
            String src = resolved instanceof ImagePaths.Resolved.SitePath site ? site.path()
                    : ((ImagePaths.Resolved.External) resolved).url();
            return Optional.of(new Image(src, alt, written, writer.file(), writer.lineOf("image"),
                    writer.columnOf("image")));
        });
        if (!map.has("image") && map.has("imageAlt")) {
            map.warning("imageAlt", "'imageAlt' is set but there is no 'image'", "add 'image:' or remove 'imageAlt:'");
        }
        List<Action> actions = actions(map);
        Map<String, Integer> aliases = aliases(map, language);
        return new Campaign(file, sourcePath, language, kind, slug, path, title, date, status,
                map.string("summary").orElse(""), map.string("organization").orElse(""), image,
                map.strings("tags"), map.strings("categories"), map.bool("draft", false), actions,
                updates(map), quote(map), donate(map), links(map), prefixed(map, "hashtags", "#"),
                prefixed(map, "handles", "@"), map.bool("quickExit", false), parts.body(), parts.bodyLine(),
                aliases.keySet().stream().toList(), translation, aliases);
    }

    /**
     * The address of the page whose front matter is {@code writer} (a source this page inherits from),
     * found from its file name beside this page's: {@code content/en/x.md} beside {@code content/es/x.md}.
     */
    private Optional<String> addressOf(YamlMap writer, String file, String language, String sourcePath) {
        String own = language + "/" + sourcePath;
        if (!file.endsWith(own)) {
            return Optional.empty();
        }
        String prefix = file.substring(0, file.length() - own.length());
        if (!writer.file().startsWith(prefix)) {
            return Optional.empty();
        }
        String inside = writer.file().substring(prefix.length());
        int slash = inside.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String writerLanguage = inside.substring(0, slash);
        String writerPath = inside.substring(slash + 1);
        String slug = writer.string("slug").map(s -> Slug.problemWith(s).isEmpty() ? s : Slug.of(s))
                .orElseGet(() -> fileSlug(writerPath));
        return Optional.of((writerLanguage.equals(defaultLanguage) && !defaultLanguageInSubfolder ? "/"
                : "/" + writerLanguage + "/") + slug + "/");
    }

    private static String fileSlug(String sourcePath) {
        String name = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        return Slug.of(name.endsWith(".md") ? name.substring(0, name.length() - 3) : name);
    }

    private static String slug(YamlMap map, String sourcePath) {
        Optional<String> given = map.string("slug");
        if (given.isPresent()) {
            Optional<String> problem = Slug.problemWith(given.get());
            if (problem.isPresent()) {
                map.error("slug", problem.get(),
                        "a slug is one URL segment such as 'stop-the-raids'; try '" + Slug.of(given.get()) + "'");
                return Slug.of(given.get());
            }
            return given.get();
        }
        return fileSlug(sourcePath);
    }

    private static List<Action> actions(YamlMap map) {
        List<YamlMap> blocks = new ArrayList<>();
        if (map.has("action") && map.has("actions")) {
            map.error("actions", "both 'action' and 'actions' are set",
                    "use 'action:' for one action or 'actions:' for a list, not both");
        }
        map.map("action").ifPresent(blocks::add);
        blocks.addAll(map.maps("actions"));
        List<Action> actions = new ArrayList<>();
        for (YamlMap block : blocks) {
            block.warnUnknownKeys(ACTION_KEYS, "action");
            String typeKey = block.requiredString("type", "one of " + String.join(", ", ActionType.keys()));
            Optional<ActionType> type = typeKey.isEmpty() ? Optional.empty() : ActionType.fromKey(typeKey);
            if (!typeKey.isEmpty() && type.isEmpty()) {
                block.valueError("type", "unknown action type '" + typeKey + "'",
                        "use one of: " + String.join(", ", ActionType.keys()));
            }
            OptionalLong goal = block.integer("goal");
            OptionalLong count = block.integer("count");
            if (goal.isPresent() && goal.getAsLong() == 0) {
                block.error("goal", "the goal is 0", "set a goal above 0, or remove 'goal:'");
            }
            List<Target> targets = new ArrayList<>();
            for (YamlMap t : block.maps("targets")) {
                t.warnUnknownKeys(TARGET_KEYS, "target");
                String name = t.requiredString("name", "who the action is addressed to");
                String handle = t.string("handle").orElse("");
                if (!handle.isEmpty() && !handle.startsWith("@")) {
                    handle = "@" + handle;
                }
                targets.add(new Target(name, t.string("role").orElse(""), phone(t), handle));
            }
            type.ifPresent(t -> actions.add(new Action(t, block.string("label").orElse(""),
                    block.string("cta").orElse(""), goal, count, targets, block.string("intro").orElse(""),
                    block.string("script").orElse(""),
                    block.url("findRepresentativeUrl", SafeUrl.Use.LINK).orElse(""),
                    block.map("form").map(FormSettings::read), block.bool("optIn", false), signatories(block))));
        }
        return actions;
    }

    /**
     * A phone number people will dial from a {@code tel:} link, which keeps only digits and '+': letters
     * (1-800-FLOWERS) or stray text would dial a wrong number, so they are refused.
     */
    private static String phone(YamlMap target) {
        String phone = target.string("phone").orElse("");
        if (!phone.isEmpty() && (!phone.matches("\\+?[0-9 ().\\-/]+") || phone.replaceAll("[^0-9]", "").length() < 3)) {
            target.error("phone", "'" + phone + "' is not a phone number",
                    "write the number with digits, spaces and hyphens only, e.g. phone: \"202-224-3121\"");
            return "";
        }
        return phone;
    }

    /**
     * Earlier addresses of the page: a bare slug ({@code old-slug}) is taken in the page's language
     * ({@code /old-slug/}, {@code /es/old-slug/}); a path starting with {@code /} is taken as written,
     * relative to the site's base URL. Folders get a trailing slash; {@code .html} files keep their name.
     */
    private Map<String, Integer> aliases(YamlMap map, String language) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        String home = language.equals(defaultLanguage) ? "/" : "/" + language + "/";
        for (YamlMap.Item item : map.items("aliases")) {
            Optional<String> refused = AliasSyntax.problemWith(item.text());
            Optional<String> path = refused.isPresent() ? Optional.empty() : aliasPath(item.text(), home);
            if (path.isEmpty()) {
                map.itemError(item, "'" + item.text() + "' is not a path on this site"
                        + refused.map(r -> ": " + r).orElse(""),
                        "write an earlier slug (old-slug) or a path from the site root (/campaigns/old-slug/), "
                                + "without '..', '?', '#', '*', '!', ':name' placeholders, spaces or a host name");
            } else {
                out.putIfAbsent(path.get(), item.line());
            }
        }
        return out;
    }

    private static List<Signatory> signatories(YamlMap block) {
        List<Signatory> out = new ArrayList<>();
        for (YamlMap s : block.maps("signatories")) {
            s.warnUnknownKeys(SIGNATORY_KEYS, "signatory");
            String name = s.requiredString("name", "the signatory's name as it should appear");
            if (!name.isEmpty()) {
                out.add(new Signatory(name, s.string("role").orElse(""), s.string("organization").orElse("")));
            }
        }
        return out;
    }

    static Optional<String> aliasPath(String alias, String home) {
        String text = alias.strip();
        if (text.isEmpty() || text.contains("://") || text.startsWith("//") || text.contains("\\")
                || text.matches(".*[?#\\s\"<>].*") || text.equals("/")) {
            return Optional.empty();
        }
        String path = text.startsWith("/") ? text : home + text;
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        path = path.replaceAll("/{2,}", "/");
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.endsWith(".html") || last.endsWith(".htm")) {
            return Optional.of(path);
        }
        return Optional.of(path.endsWith("/") ? path : path + "/");
    }

    private static List<Update> updates(YamlMap map) {
        List<Update> updates = new ArrayList<>();
        for (YamlMap block : map.maps("updates")) {
            block.warnUnknownKeys(UPDATE_KEYS, "update");
            Optional<LocalDate> date = block.date("date");
            if (!block.has("date")) {
                block.error("date", "an update has no 'date'", "add 'date: YYYY-MM-DD' to the update");
            }
            String text = block.requiredString("text", "what the update says (Markdown)");
            date.ifPresent(d -> updates.add(new Update(d, text)));
        }
        // Newest first, as readers expect of news.
        updates.sort((a, b) -> b.date().compareTo(a.date()));
        return updates;
    }

    private static Optional<Quote> quote(YamlMap map) {
        return map.map("quote").map(block -> {
            block.warnUnknownKeys(QUOTE_KEYS, "quote");
            return new Quote(block.requiredString("text", "the quoted words"), block.string("author").orElse(""),
                    block.string("role").orElse(""), block.string("source").orElse(""));
        });
    }

    private static Optional<Donate> donate(YamlMap map) {
        return map.map("donate").map(block -> {
            block.warnUnknownKeys(DONATE_KEYS, "donate");
            return new Donate(block.requiredUrl("url", "the donation page's address", SafeUrl.Use.LINK),
                    block.string("label").orElse(""), block.string("partner").orElse(""));
        });
    }

    private static List<Link> links(YamlMap map) {
        return SiteConfigLoader.links(map, "links");
    }

    /** Hashtags and handles, with their sign added when the writer left it out. */
    private static List<String> prefixed(YamlMap map, String key, String sign) {
        List<String> out = new ArrayList<>();
        for (String value : map.strings(key)) {
            String bare = value.startsWith(sign) ? value.substring(1) : value;
            if (!bare.matches("[\\p{L}\\p{N}_]+")) {
                map.error(key, "'" + value + "' is not a valid " + (sign.equals("#") ? "hashtag" : "handle"),
                        "use letters, digits and underscores only, e.g. " + sign + "Example_1");
                continue;
            }
            out.add(sign + bare);
        }
        return out;
    }
}

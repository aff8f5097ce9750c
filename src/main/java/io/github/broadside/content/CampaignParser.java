package io.github.broadside.content;

import io.github.broadside.config.Link;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.markdown.MarkdownLimits;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    static final Set<String> KEYS = Set.of("title", "slug", "kind", "date", "status", "summary", "organization",
            "image", "imageAlt", "tags", "categories", "draft", "action", "actions", "updates", "quote", "donate",
            "links", "hashtags", "handles", "quickExit");
    static final Set<String> ACTION_KEYS = Set.of("type", "label", "cta", "goal", "count", "targets", "intro",
            "script", "findRepresentativeUrl");
    static final Set<String> TARGET_KEYS = Set.of("name", "role", "phone", "handle");
    static final Set<String> UPDATE_KEYS = Set.of("date", "text");
    static final Set<String> QUOTE_KEYS = Set.of("text", "author", "role", "source");
    static final Set<String> DONATE_KEYS = Set.of("url", "label", "partner");

    private final String defaultLanguage;

    /** @param defaultLanguage the language served at the site root; others live under {@code /<lang>/} */
    public CampaignParser(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * Parses one decoded file.
     *
     * @param file       the file as shown in problems
     * @param language   the language folder it sits in
     * @param sourcePath its path inside the language folder, with forward slashes
     */
    public Optional<Campaign> parse(String file, String language, String sourcePath, String text, Problems problems) {
        FrontMatter.Result split = FrontMatter.split(file, text);
        if (split instanceof FrontMatter.Missing missing) {
            problems.add(missing.problem());
            return Optional.empty();
        }
        FrontMatter.Parts parts = ((FrontMatter.Split) split).parts();
        Problems own = new Problems();
        Optional<YamlMap> yaml = YamlSource.parseMapping(file, parts.yamlLine(), parts.yaml(), own);
        Optional<Campaign> campaign = yaml.map(map -> read(map, file, language, sourcePath, parts));
        campaign.ifPresent(c -> checkMarkdownLimits(c, file, parts, own));
        problems.addAll(own.sorted());
        return own.hasErrors() ? Optional.empty() : campaign;
    }

    /** Markdown the renderer cannot take (see {@link MarkdownLimits}) is an error at its line, not a crash. */
    private static void checkMarkdownLimits(Campaign c, String file, FrontMatter.Parts parts, Problems problems) {
        String hint = "flatten the nested quotes or lists, or break up the run of characters";
        MarkdownLimits.check(c.body()).ifPresent(e -> problems.add(
                Problem.error(file, parts.bodyLine() + e.line() - 1, 0, e.message(), hint)));
        List<String> fields = new ArrayList<>();
        for (Action a : c.actions()) {
            fields.add(a.intro());
            fields.add(a.script());
        }
        c.updates().forEach(u -> fields.add(u.text()));
        c.quote().ifPresent(q -> fields.add(q.text()));
        fields.stream().map(MarkdownLimits::check).flatMap(Optional::stream).findFirst().ifPresent(e -> problems.add(
                Problem.error(file, parts.yamlLine(), 0, "in the front matter: " + e.message(), hint)));
    }

    private Campaign read(YamlMap map, String file, String language, String sourcePath, FrontMatter.Parts parts) {
        map.warnUnknownKeys(KEYS, "");
        PageKind kind = map.string("kind").map(k -> switch (k) {
            case "campaign" -> PageKind.CAMPAIGN;
            case "page" -> PageKind.PAGE;
            default -> {
                map.valueError("kind", "unknown kind '" + k + "'", "use 'campaign' (the default) or 'page'");
                yield PageKind.CAMPAIGN;
            }
        }).orElse(PageKind.CAMPAIGN);
        String title = map.requiredString("title", "every page needs a title");
        String slug = slug(map, sourcePath);
        Optional<LocalDate> date = map.date("date");
        if (kind == PageKind.CAMPAIGN && !map.has("date")) {
            map.error("date", "'date' is missing: every campaign needs the date it was published",
                    "add a line 'date: 2024-05-01' (year-month-day)");
        }
        Status status = map.string("status").map(s -> Status.fromKey(s).orElseGet(() -> {
            map.valueError("status", "unknown status '" + s + "'", "use one of: " + String.join(", ", Status.keys()));
            return Status.ACTIVE;
        })).orElse(Status.ACTIVE);
        Optional<Image> image = map.url("image", SafeUrl.Use.IMAGE).map(src -> {
            String alt = map.string("imageAlt").orElse("");
            if (alt.isEmpty()) {
                map.error("image", "the image has no 'imageAlt' text",
                        "add 'imageAlt:' describing the picture for people who cannot see it");
            }
            return new Image(src, alt);
        });
        if (!map.has("image") && map.has("imageAlt")) {
            map.warning("imageAlt", "'imageAlt' is set but there is no 'image'", "add 'image:' or remove 'imageAlt:'");
        }
        List<Action> actions = actions(map);
        String path = (language.equals(defaultLanguage) ? "/" : "/" + language + "/") + slug + "/";
        return new Campaign(file, sourcePath, language, kind, slug, path, title, date, status,
                map.string("summary").orElse(""), map.string("organization").orElse(""), image,
                map.strings("tags"), map.strings("categories"), map.bool("draft", false), actions,
                updates(map), quote(map), donate(map), links(map), prefixed(map, "hashtags", "#"),
                prefixed(map, "handles", "@"), map.bool("quickExit", false), parts.body(), parts.bodyLine());
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
        String name = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        return Slug.of(name.endsWith(".md") ? name.substring(0, name.length() - 3) : name);
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
                    block.url("findRepresentativeUrl", SafeUrl.Use.LINK).orElse(""))));
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

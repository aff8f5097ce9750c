package io.github.broadside.render;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Slug;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filters and functions Broadside's templates use beyond Pebble's own:
 * {@code url(path)} and {@code absUrl(path)} for links that honour the base URL,
 * {@code t(key, {name: value})} for the theme's UI strings in the page's language,
 * {@code markdown} / {@code inlineMarkdown} for user Markdown (sanitized, then marked safe),
 * {@code longDate} and {@code number} formatted for the page's language by ICU (CLDR data: "10.000"
 * in Spanish, Arabic month names), {@code slug} as the link stage makes term slugs,
 * {@code languageName(tag)}: a language's name in the page's language ("inglés" on a Spanish page);
 * {@code asset(name)} for the published (fingerprinted) address of a theme asset,
 * {@code shareImage(campaign)} for the absolute address of the picture shown when a page is shared;
 * {@code countTexts(key, {args})}: a count message as one template per plural category, for the
 * script that updates counters live;
 * {@code langOf(campaign, text)}: {@code  lang="en"} (and {@code dir} when it differs from the page's)
 * when a translation shows {@code text} inherited from its source, for the element that holds it.
 */
final class ThemeExtension extends AbstractExtension {
    private final SiteConfig config;
    private final MarkdownRenderer markdown;
    private final Messages messages;
    private final AssetUrls assets;
    private final Pictures pictures;

    ThemeExtension(SiteConfig config, MarkdownRenderer markdown, Messages messages, AssetUrls assets,
            Pictures pictures) {
        this.config = config;
        this.markdown = markdown;
        this.messages = messages;
        this.assets = assets;
        this.pictures = pictures;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url", new PathFunction(config::relativeUrl),
                "absUrl", new PathFunction(config::absoluteUrl),
                "t", new MessageFunction(),
                "asset", new AssetFunction(),
                "shareImage", new ShareImageFunction(),
                "picture", new PictureFunction(),
                "countTexts", new CountTextsFunction(),
                "languageName", new LanguageNameFunction(),
                "langOf", new LangOfFunction());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "markdown", new MarkdownFilter(false),
                "inlineMarkdown", new MarkdownFilter(true),
                "longDate", new LongDateFilter(),
                "number", new NumberFilter(),
                "slug", new SlugFilter());
    }

    private static com.ibm.icu.util.ULocale localeOf(EvaluationContext context) {
        return com.ibm.icu.util.ULocale.forLanguageTag(languageOf(context));
    }

    private static final class LanguageNameFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("tag");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object tag = args.get("tag");
            return tag == null ? "" : new io.github.broadside.i18n.Language(tag.toString()).nameIn(languageOf(context));
        }
    }

    /** Attributes marking inherited words with their own language, so screen readers switch voice. */
    private static final class LangOfFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("campaign", "text");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            if (!(args.get("campaign") instanceof io.github.broadside.content.Campaign campaign)
                    || args.get("text") == null) {
                return new SafeString("");
            }
            return campaign.inheritedLanguage(args.get("text").toString())
                    .filter(tag -> tag.matches("[A-Za-z0-9-]+")).map(tag -> {
                io.github.broadside.i18n.Language source = new io.github.broadside.i18n.Language(tag);
                String dir = source.direction().equals(new io.github.broadside.i18n.Language(languageOf(context))
                        .direction()) ? "" : " dir=\"" + source.direction() + "\"";
                // Letters, digits and hyphens only (a language folder's name): safe in an attribute.
                return new SafeString(" lang=\"" + tag + "\"" + dir);
            }).orElse(new SafeString(""));
        }
    }

    private static final class PathFunction implements Function {
        private final java.util.function.Function<String, String> mapping;

        PathFunction(java.util.function.Function<String, String> mapping) {
            this.mapping = mapping;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object path = args.get("path");
            return mapping.apply(path == null ? "/" : path.toString());
        }
    }

    private final class AssetFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("name");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String name = args.get("name") == null ? "" : args.get("name").toString();
            return assets.sitePath(name).map(config::relativeUrl).orElseThrow(() -> new PebbleException(null,
                    "asset('" + name + "'): the theme has no file " + AssetUrls.FOLDER + "/" + name, line,
                    self.getName()));
        }
    }

    /** {@code picture(src)}: the resized copies and size of a site picture ({@link Pictures}), or null. */
    private final class PictureFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("src");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object src = args.get("src");
            return src instanceof String path ? pictures.of(path).orElse(null) : null;
        }
    }

    private final class ShareImageFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("campaign");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object lang = context.getVariable("lang");
            if (!(lang instanceof io.github.broadside.site.LanguageSite site)) {
                return "";
            }
            String path = args.get("campaign") instanceof io.github.broadside.content.Campaign campaign
                    ? ShareImage.sitePath(campaign, site) : ShareImage.homeCard(site);
            return config.absoluteUrl(path);
        }
    }

    private final class MessageFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("key", "args");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object key = args.get("key");
            Object values = args.get("args");
            Map<String, Object> named = new java.util.HashMap<>();
            if (values instanceof Map<?, ?> map) {
                map.forEach((k, v) -> named.put(String.valueOf(k), v instanceof java.util.OptionalLong o
                        ? (o.isPresent() ? o.getAsLong() : 0L) : v));
            }
            return messages.format(languageOf(context), key == null ? "" : key.toString(), named);
        }
    }

    /**
     * A message with a {@code count} argument as one text per CLDR plural category of the page's
     * language ({@code one}, {@code other}, ... and {@code 0} for an explicit zero), with the count
     * replaced by {@code {n}}: the script picks the text with {@code Intl.PluralRules} and fills in the
     * number, so a live count reads as naturally as the static one in every language.
     */
    private static final java.util.regex.Pattern NUMBER_TOKEN =
            java.util.regex.Pattern.compile("\\p{Nd}+(?:[.,\u00A0\u202F'\u2019 \u066B\u066C]\\p{Nd}+)*");

    private final class CountTextsFunction implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("key", "args");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            String language = languageOf(context);
            String key = String.valueOf(args.get("key"));
            Map<String, Object> named = new java.util.HashMap<>();
            if (args.get("args") instanceof Map<?, ?> map) {
                map.forEach((k, v) -> named.put(String.valueOf(k), v));
            }
            com.ibm.icu.util.ULocale locale = com.ibm.icu.util.ULocale.forLanguageTag(language);
            com.ibm.icu.text.PluralRules rules = com.ibm.icu.text.PluralRules.forLocale(locale);
            com.ibm.icu.text.NumberFormat numbers = com.ibm.icu.text.NumberFormat.getInstance(locale);
            List<Map<String, String>> out = new java.util.ArrayList<>();
            // Zero is known exactly, so its text needs no placeholder ("No one has signed yet.").
            Map<String, Object> zero = new java.util.HashMap<>(named);
            zero.put("count", 0L);
            out.add(Map.of("category", "0", "text", messages.format(language, key, zero)));
            for (String category : new java.util.TreeSet<>(rules.getKeywords())) {
                // Try a few numbers of this category until one appears exactly once in the message.
                for (int n = 1, tried = 0; n < 10_000 && tried < 8; n++) {
                    if (!rules.select(n).equals(category)) {
                        continue;
                    }
                    tried++;
                    Optional<String> text = template(key, named, n, numbers, language);
                    if (text.isPresent()) {
                        out.add(Map.of("category", category, "text", text.get()));
                        break;
                    }
                }
            }
            return out;
        }

        private Optional<String> template(String key, Map<String, Object> named, long n,
                com.ibm.icu.text.NumberFormat numbers, String language) {
            Map<String, Object> withCount = new java.util.HashMap<>(named);
            withCount.put("count", n);
            String text = messages.format(language, key, withCount);
            String shown = numbers.format(n); // a fresh formatter per call: no sharing between threads
            // Compare whole numbers only, so that the count 1 is not found inside a goal of 10,000.
            java.util.regex.Matcher m = NUMBER_TOKEN.matcher(text);
            int start = -1;
            int end = -1;
            while (m.find()) {
                if (m.group().equals(shown)) {
                    if (start >= 0) {
                        return Optional.empty();
                    }
                    start = m.start();
                    end = m.end();
                }
            }
            return start < 0 ? Optional.empty() : Optional.of(text.substring(0, start) + "{n}" + text.substring(end));
        }
    }

    private static String languageOf(EvaluationContext context) {
        Object lang = context.getVariable("lang");
        return lang instanceof io.github.broadside.site.LanguageSite site ? site.language() : "en";
    }

    private final class MarkdownFilter implements Filter {
        private final boolean inline;

        MarkdownFilter(boolean inline) {
            this.inline = inline;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            String text = input == null ? "" : input.toString();
            // The renderer gives root-relative links written in Markdown the base path of a sub-path site.
            return new SafeString(inline ? markdown.toInlineHtml(text) : markdown.toHtml(text));
        }
    }

    private static final class LongDateFilter implements Filter {
        private final ThreadLocal<Map<String, com.ibm.icu.text.DateFormat>> formats =
                ThreadLocal.withInitial(java.util.HashMap::new);

        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            Object value = input instanceof Optional<?> optional ? optional.orElse(null) : input;
            if (!(value instanceof LocalDate date)) {
                return "";
            }
            // ICU formats are not thread-safe and slow to build: one per language per rendering thread.
            com.ibm.icu.text.DateFormat format = formats.get().computeIfAbsent(languageOf(context), tag -> {
                com.ibm.icu.text.DateFormat made = com.ibm.icu.text.DateFormat.getDateInstance(
                        com.ibm.icu.text.DateFormat.LONG, localeOf(context));
                made.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
                return made;
            });
            return format.format(java.util.Date.from(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
    }

    private static final class NumberFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            if (!(input instanceof Number number)) {
                return input == null ? "" : input.toString();
            }
            return com.ibm.icu.text.NumberFormat.getIntegerInstance(localeOf(context)).format(number.longValue());
        }
    }

    private static final class SlugFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            return Slug.of(input == null ? "" : input.toString());
        }
    }
}

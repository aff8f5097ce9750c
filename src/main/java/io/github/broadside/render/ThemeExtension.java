package io.github.broadside.render;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Slug;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
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
 * in Spanish, Arabic month names), {@code slug} as the link stage makes term slugs, and
 * {@code languageName(tag)}: a language's name in the page's language ("inglés" on a Spanish page).
 */
final class ThemeExtension extends AbstractExtension {
    private final SiteConfig config;
    private final MarkdownRenderer markdown;
    private final Messages messages;

    ThemeExtension(SiteConfig config, MarkdownRenderer markdown, Messages messages) {
        this.config = config;
        this.markdown = markdown;
        this.messages = messages;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url", new PathFunction(config::relativeUrl),
                "absUrl", new PathFunction(config::absoluteUrl),
                "t", new MessageFunction(),
                "languageName", new LanguageNameFunction());
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
            return new SafeString(inline ? markdown.toInlineHtml(text) : markdown.toHtml(text));
        }
    }

    private static final class LongDateFilter implements Filter {
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
            com.ibm.icu.text.DateFormat format = com.ibm.icu.text.DateFormat.getDateInstance(
                    com.ibm.icu.text.DateFormat.LONG, localeOf(context));
            format.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
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

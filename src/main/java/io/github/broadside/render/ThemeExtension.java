package io.github.broadside.render;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Slug;
import io.github.broadside.markdown.MarkdownRenderer;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The filters and functions Broadside's templates use beyond Pebble's own:
 * {@code url(path)} and {@code absUrl(path)} for links that honour the base URL,
 * {@code markdown} / {@code inlineMarkdown} for user Markdown (sanitized, then marked safe),
 * {@code longDate} and {@code number} formatted for the page's language, {@code slug} as the
 * link stage makes term slugs.
 */
final class ThemeExtension extends AbstractExtension {
    private final SiteConfig config;
    private final MarkdownRenderer markdown;

    ThemeExtension(SiteConfig config, MarkdownRenderer markdown) {
        this.config = config;
        this.markdown = markdown;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url", new PathFunction(config::relativeUrl),
                "absUrl", new PathFunction(config::absoluteUrl));
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

    private static Locale localeOf(EvaluationContext context) {
        Object lang = context.getVariable("lang");
        if (lang instanceof io.github.broadside.site.LanguageSite site) {
            return Locale.forLanguageTag(site.language());
        }
        return Locale.ENGLISH;
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
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(localeOf(context)).format(date);
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
            return NumberFormat.getIntegerInstance(localeOf(context)).format(number.longValue());
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

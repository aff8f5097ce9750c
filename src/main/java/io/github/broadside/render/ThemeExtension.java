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
 * {@code t(key, {name: value})} for the theme's UI strings in the page's language,
 * {@code markdown} / {@code inlineMarkdown} for user Markdown (sanitized, then marked safe),
 * {@code longDate} and {@code number} formatted for the page's language, {@code slug} as the
 * link stage makes term slugs; {@code asset(name)} for the published (fingerprinted) address of a
 * theme asset, {@code shareImage(campaign)} for the absolute address of the picture shown when a
 * page is shared.
 */
final class ThemeExtension extends AbstractExtension {
    private final SiteConfig config;
    private final MarkdownRenderer markdown;
    private final Messages messages;
    private final AssetUrls assets;

    ThemeExtension(SiteConfig config, MarkdownRenderer markdown, Messages messages, AssetUrls assets) {
        this.config = config;
        this.markdown = markdown;
        this.messages = messages;
        this.assets = assets;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "url", new PathFunction(config::relativeUrl),
                "absUrl", new PathFunction(config::absoluteUrl),
                "t", new MessageFunction(),
                "asset", new AssetFunction(),
                "shareImage", new ShareImageFunction());
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
        return Locale.forLanguageTag(languageOf(context));
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

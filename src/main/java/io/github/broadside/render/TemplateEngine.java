package io.github.broadside.render;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.Problem;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pebble set up for a {@link Theme}: templates looked up through the theme chain, autoescaping on,
 * each template compiled once and shared by all threads. Template errors become {@link Problem}s
 * that name the template file and line.
 */
public final class TemplateEngine {
    public static final String SUFFIX = ".peb";
    /** Pebble names a missing template as {@code templateName='x'} or {@code "x"}, depending on the loader. */
    private static final Pattern MISSING_NAME = Pattern.compile("templateName='([^']+)'|\"([^\"]+)\"");

    private final PebbleEngine engine;
    private final Theme theme;
    private final String themeDisplay;
    private final Messages messages;
    /** Where the current thread records the campaign attributes its template reads, if asked to. */
    private final ThreadLocal<Set<String>> campaignReads = new ThreadLocal<>();

    /**
     * @param themeDisplay how the theme folder is named in problems, e.g. {@code themes/default}
     */
    public TemplateEngine(Theme theme, String themeDisplay, SiteConfig config, MarkdownRenderer markdown,
            Messages messages) {
        this(theme, themeDisplay, config, markdown, messages, AssetUrls.unhashed());
    }

    /**
     * @param themeDisplay how the theme folder is named in problems, e.g. {@code themes/default}
     * @param assets       where the theme's assets are published, for {@code asset('style.css')}
     */
    public TemplateEngine(Theme theme, String themeDisplay, SiteConfig config, MarkdownRenderer markdown,
            Messages messages, AssetUrls assets) {
        this(theme, themeDisplay, config, markdown, messages, assets, Pictures.none());
    }

    /**
     * @param themeDisplay how the theme folder is named in problems, e.g. {@code themes/default}
     * @param assets       where the theme's assets are published, for {@code asset('style.css')}
     * @param pictures     the campaigns' pictures with their resized copies, for {@code picture(src)}
     */
    public TemplateEngine(Theme theme, String themeDisplay, SiteConfig config, MarkdownRenderer markdown,
            Messages messages, AssetUrls assets, Pictures pictures) {
        this.theme = theme;
        this.themeDisplay = themeDisplay;
        this.messages = messages;
        List<Loader<?>> loaders = new ArrayList<>();
        for (Path folder : theme.templateFolders()) {
            FileLoader loader = new GuardedFileLoader(folder.toString(), theme.files());
            loader.setSuffix(SUFFIX);
            loader.setCharset("UTF-8");
            loaders.add(loader);
        }
        this.engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .extension(new ThemeExtension(config, markdown, messages, assets, pictures))
                .extension(new CampaignReads(campaignReads))
                .build();
    }

    /** A UI string for engine-made text such as page titles of index pages. */
    public String message(String language, String key) {
        return messages.format(language, key, java.util.Map.of());
    }

    /** A UI string with named arguments, for engine-made text such as page titles. */
    public String message(String language, String key, Map<String, Object> args) {
        return messages.format(language, key, args);
    }

    /** The result of one render: the text, or the problem that stopped it. */
    public sealed interface Result permits Rendered, Failed {
    }

    public record Rendered(String html) implements Result {
    }

    public record Failed(Problem problem) implements Result {
    }

    /**
     * Renders template {@code name} like {@link #render(String, Map)}, adding to {@code reads} the name
     * of every attribute the template reads from a {@link Campaign} ({@code c.title} adds
     * {@code title}; an attribute called with arguments adds {@link CampaignReads#ANY}). Serve uses it
     * to know which campaign fields its list pages show.
     */
    public Result render(String name, Map<String, Object> context, Set<String> reads) {
        campaignReads.set(reads);
        try {
            return render(name, context);
        } finally {
            campaignReads.remove();
        }
    }

    /** Renders template {@code name} (without suffix) with {@code context}. */
    public Result render(String name, Map<String, Object> context) {
        PebbleTemplate template;
        try {
            // Pebble compiles each template once and caches it; evaluation is thread-safe.
            template = engine.getTemplate(name);
        } catch (LoaderException e) {
            return new Failed(Problem.error(themeDisplay + "/" + Theme.TEMPLATES + "/" + name + SUFFIX, 0, 0,
                    "the theme has no template '" + name + SUFFIX + "'",
                    "add " + Theme.TEMPLATES + "/" + name + SUFFIX + " to the theme, or extend a theme that has it "
                            + "('extends: default' in theme.yml)"));
        } catch (PebbleException e) {
            return new Failed(fromPebble(name, e));
        }
        PageWriter out = new PageWriter();
        try {
            template.evaluate(out, context);
        } catch (LoaderException e) {
            return new Failed(missingInclude(name, e));
        } catch (PebbleException e) {
            return new Failed(fromPebble(name, e));
        } catch (IOException | RuntimeException e) {
            return new Failed(Problem.error(templateFile(name), 0, 0,
                    "the template failed: " + e, "check the template's expressions"));
        }
        return new Rendered(out.toString());
    }

    /** A StringWriter without StringBuffer's lock on every one of Pebble's many small writes. */
    private static final class PageWriter extends Writer {
        private final StringBuilder text = new StringBuilder(16 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * A template that includes or extends one the theme does not have. Pebble says neither which
     * template asked nor where, so the problem points at the first {@code include}/{@code extends}
     * of that name among the templates in use.
     */
    private Problem missingInclude(String name, LoaderException e) {
        String message = String.valueOf(e.getPebbleMessage());
        Matcher quoted = MISSING_NAME.matcher(message);
        String missing = quoted.find() ? (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)) : "";
        String hint = "add " + Theme.TEMPLATES + "/" + missing + SUFFIX + " to the theme, or correct the name";
        if (missing.isEmpty()) {
            return Problem.error(templateFile(name), 0, 0, "template error: " + message, hint);
        }
        Pattern reference = Pattern.compile("\\{%-?\\s*(?:include|extends|import|embed)\\s+[\"']"
                + Pattern.quote(missing) + "(?:" + Pattern.quote(SUFFIX) + ")?[\"']");
        for (Map.Entry<String, Path> entry : templatesInUse().entrySet()) {
            List<String> lines;
            try {
                lines = new String(theme.files().read(entry.getValue()), java.nio.charset.StandardCharsets.UTF_8)
                        .lines().toList();
            } catch (IOException | UncheckedIOException unreadable) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = reference.matcher(lines.get(i));
                if (m.find()) {
                    return Problem.error(templateFile(entry.getKey()), i + 1, m.start() + 1,
                            "the theme has no template '" + missing + SUFFIX + "'", hint);
                }
            }
        }
        return Problem.error(templateFile(name), 0, 0, "the theme has no template '" + missing + SUFFIX + "'", hint);
    }

    /** Template name to the file that serves it: the most specific theme's copy wins. */
    private Map<String, Path> templatesInUse() {
        Map<String, Path> inUse = new TreeMap<>();
        for (Path folder : theme.templateFolders()) {
            // Links were reported when the theme was opened; a folder that cannot be listed has none to point at.
            for (Path f : theme.files().walk(folder, new io.github.broadside.problem.Problems())) {
                String relative = folder.relativize(f).toString().replace('\\', '/');
                if (relative.endsWith(SUFFIX)) {
                    inUse.putIfAbsent(relative.substring(0, relative.length() - SUFFIX.length()), f);
                }
            }
        }
        return inUse;
    }

    private Problem fromPebble(String name, PebbleException e) {
        String file = Optional.ofNullable(e.getFileName()).map(this::displayOf).orElse(templateFile(name));
        int line = e.getLineNumber() == null ? 0 : Math.max(0, e.getLineNumber());
        String message = Optional.ofNullable(e.getPebbleMessage()).orElse(String.valueOf(e.getMessage()));
        return Problem.error(file, line, 0, "template error: " + message,
                "fix the template syntax at this line (Pebble: {{ value }}, {% if %}...{% endif %})");
    }

    private String displayOf(String fileName) {
        // Pebble reports the template name it was asked for; map it back to the file that holds it.
        String bare = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        return templateFile(bare);
    }

    private String templateFile(String name) {
        for (Path folder : theme.templateFolders()) {
            Path file = folder.resolve(name + SUFFIX);
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Path themeRoot = folder.getParent();
                return themeRoot.getParent() == null ? file.toString()
                        : themeDisplayFor(themeRoot) + "/" + Theme.TEMPLATES + "/" + name + SUFFIX;
            }
        }
        return themeDisplay + "/" + Theme.TEMPLATES + "/" + name + SUFFIX;
    }

    private String themeDisplayFor(Path themeRoot) {
        String base = themeDisplay.contains("/") ? themeDisplay.substring(0, themeDisplay.lastIndexOf('/') + 1) : "";
        return base + themeRoot.getFileName();
    }
}

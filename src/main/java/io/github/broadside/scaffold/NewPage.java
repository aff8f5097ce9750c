package io.github.broadside.scaffold;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.ActionType;
import io.github.broadside.content.ContentHash;
import io.github.broadside.content.FrontMatter;
import io.github.broadside.content.Slug;
import io.github.broadside.yaml.SourceText;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import io.github.broadside.problem.BuildFailedException;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code broadside:new}: writes a new campaign file with commented front matter for its action
 * type, or a translation skeleton of an existing page: the source's front matter and text to
 * translate in place, {@code translationOf: {source, hash}} recording which version it translates
 * (see {@link ContentHash}), and {@code draft: true} until the translation is done. Never
 * overwrites a file.
 */
public final class NewPage {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final BuildOptions options;

    public NewPage(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * What to write.
     *
     * @param title    the page title; required for a new campaign, optional for a translation
     * @param action   the campaign's action type (ignored for translations)
     * @param language the language folder; default: the site's default language
     * @param from     for a translation: the source page inside the content folder, e.g. {@code en/x.md}
     * @param slug     the page's slug; default: made from the title (or the source's file name)
     * @param today    the date written into a new campaign
     */
    public record Request(Optional<String> title, ActionType action, Optional<String> language,
            Optional<String> from, Optional<String> slug, LocalDate today) {
        public Request {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(today, "today");
            title = title.map(String::strip).filter(t -> !t.isEmpty());
            language = language.map(String::strip).filter(t -> !t.isEmpty());
            from = from.map(String::strip).filter(t -> !t.isEmpty());
            slug = slug.map(String::strip).filter(t -> !t.isEmpty());
        }

        public static Request campaign(String title, ActionType action, LocalDate today) {
            return new Request(Optional.of(title), action, Optional.empty(), Optional.empty(), Optional.empty(),
                    today);
        }

        public static Request translation(String from, String language, LocalDate today) {
            return new Request(Optional.empty(), ActionType.PETITION, Optional.of(language), Optional.of(from),
                    Optional.empty(), today);
        }

        public Request withLanguage(String newLanguage) {
            return new Request(title, action, Optional.of(newLanguage), from, slug, today);
        }

        public Request withSlug(String newSlug) {
            return new Request(title, action, language, from, Optional.of(newSlug), today);
        }

        public Request withTitle(String newTitle) {
            return new Request(Optional.of(newTitle), action, language, from, slug, today);
        }
    }

    /** Writes the file and returns its path; every reason it cannot is a problem in the exception. */
    public Path create(Request request) throws BuildFailedException, IOException {
        Problems problems = new Problems();
        SiteConfig config = new SiteBuilder(options).loadConfig(problems);
        String language = request.language().orElse(config.defaultLanguage());
        if (!LANGUAGE.matcher(language).matches()) {
            throw fail("-Dbroadside.lang", "'" + language + "' is not a language tag", "use a tag such as en, es or pt-BR");
        }
        return request.from().isPresent() ? translation(request, language) : campaign(request, language);
    }

    private Path campaign(Request request, String language) throws BuildFailedException, IOException {
        if (request.title().isEmpty()) {
            throw fail("-Dbroadside.title", "a new campaign needs a title",
                    "run e.g. ./mvnw broadside:new -Dbroadside.title=\"Stop the raids\" -Dbroadside.action=petition");
        }
        String slug = slug(request, request.title().get());
        Path target = options.contentDir().resolve(language).resolve(slug + ".md");
        String template = resource("new/" + request.action().key() + ".md")
                .replace("{{schema}}", schemaLine(target))
                .replace("{{title}}", quote(request.title().get()))
                .replace("{{date}}", request.today().toString());
        if (request.slug().isPresent()) {
            template = template.replaceFirst("(?m)^(title: .*)$", "$1\nslug: " + slug);
        }
        return write(target, template);
    }

    private Path translation(Request request, String language) throws BuildFailedException, IOException {
        String from = request.from().get().replace('\\', '/');
        Path source = options.contentDir().resolve(from).normalize();
        if (!source.startsWith(options.contentDir()) || !from.endsWith(".md") || from.startsWith("/")
                || options.contentDir().relativize(source).getNameCount() < 2) {
            throw fail("-Dbroadside.from", "'" + from + "' is not a page inside the content folder",
                    "name the page by its path inside " + options.display(options.contentDir())
                            + "/, e.g. -Dbroadside.from=en/stop-the-raids.md");
        }
        if (!Files.isRegularFile(source)) {
            throw fail("-Dbroadside.from", "there is no page " + options.display(source), "check the spelling and the language folder");
        }
        Path relative = options.contentDir().relativize(source);
        String sourceLanguage = relative.getName(0).toString();
        if (sourceLanguage.equals(language)) {
            throw fail("-Dbroadside.lang", "the translation must be in another language than its source (" + language + ")",
                    "give the translation's language, e.g. -Dbroadside.lang=es");
        }
        byte[] bytes = Files.readAllBytes(source);
        String display = options.display(source);
        SourceText.Result decoded = SourceText.decode(display, bytes);
        if (decoded instanceof SourceText.Invalid invalid) {
            throw new BuildFailedException(List.of(invalid.problem()));
        }
        FrontMatter.Result split = FrontMatter.split(display, ((SourceText.Text) decoded).text());
        if (split instanceof FrontMatter.Missing missing) {
            throw new BuildFailedException(List.of(missing.problem()));
        }
        FrontMatter.Parts parts = ((FrontMatter.Split) split).parts();
        String sourcePath = relative.toString().replace('\\', '/');
        String yaml = parts.yaml().replaceAll("(?m)^translationOf:.*\\n(?:[ \\t#].*\\n|\\n)*", "");
        if (request.title().isPresent()) {
            yaml = replaceKey(yaml, "title", quote(request.title().get()));
        }
        if (request.slug().isPresent()) {
            yaml = replaceKey(yaml, "slug", slug(request, request.slug().get()));
        }
        yaml = replaceKey(yaml, "draft", "true");
        Path target = options.contentDir().resolve(language).resolve(relative.subpath(1, relative.getNameCount()));
        yaml = yaml.replaceAll("(?m)^" + java.util.regex.Pattern.quote(EditorSchemas.MODELINE) + ".*\\n", "");
        String header = schemaLine(target) + "\n# Translation of " + sourcePath + " into '" + language + "'. Translate the values below"
                + " and the text\n# after the second '---'; keep keys, dates, numbers and URLs. Remove"
                + " 'draft: true' when it is done.\n# 'translationOf' records which version of the source"
                + " this translates: when the source\n# changes, broadside:check reports this page as out of"
                + " date. Update the hash after catching up.\n"
                + "translationOf:\n  source: " + sourcePath + "\n  hash: " + sourceHash(display, parts) + "\n";
        String text = "---\n" + header + yaml + "---\n" + parts.body();
        return write(target, text);
    }

    /** The source's content hash, as the build computes it to tell whether a translation is stale. */
    private static String sourceHash(String display, FrontMatter.Parts parts) throws BuildFailedException {
        Problems problems = new Problems();
        Optional<YamlMap> yaml = YamlSource.parseMapping(display, parts.yamlLine(), parts.yaml(), problems);
        if (yaml.isEmpty() || problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        return ContentHash.of(yaml.get(), parts.body());
    }

    /** Sets top-level {@code key} to {@code value}: replaces its line, or adds it at the end. */
    static String replaceKey(String yaml, String key, String value) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + ":.*$").matcher(yaml);
        if (line.find()) {
            return yaml.substring(0, line.start()) + key + ": " + value + yaml.substring(line.end());
        }
        return yaml + (yaml.endsWith("\n") || yaml.isEmpty() ? "" : "\n") + key + ": " + value + "\n";
    }

    private String slug(Request request, String fallback) throws BuildFailedException {
        String slug = request.slug().orElse(Slug.of(fallback));
        Optional<String> problem = Slug.problemWith(slug);
        if (problem.isPresent()) {
            throw fail("-Dbroadside.slug", problem.get(), "try -Dbroadside.slug=" + Slug.of(slug));
        }
        return slug;
    }

    /** The editor-schema line for a page at {@code target}; writes the schemas into the project on the way. */
    private String schemaLine(Path target) throws IOException {
        EditorSchemas.writeInto(options.projectDir());
        return EditorSchemas.modeline(options.projectDir(), target, EditorSchemas.FRONT_MATTER);
    }

    private Path write(Path target, String text) throws BuildFailedException, IOException {
        String display = options.display(target);
        if (Files.exists(target)) {
            throw fail(display, "the file already exists; it was left as it was",
                    "choose another title, or give the new page its own -Dbroadside.slug=...");
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw fail(display, "the file already exists; it was left as it was",
                    "choose another title, or give the new page its own -Dbroadside.slug=...");
        }
        return target;
    }

    /** A YAML double-quoted string: safe for any title, including ':' and '#'. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static BuildFailedException fail(String where, String message, String hint) {
        return new BuildFailedException(List.of(Problem.error(where, 0, 0, message, hint)));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = NewPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name + " in the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

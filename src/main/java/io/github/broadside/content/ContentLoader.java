package io.github.broadside.content;

import io.github.broadside.workers.Workers;
import io.github.broadside.yaml.SourceText;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load and parse stages: finds every {@code content/<lang>/**.md}, decodes it and parses it
 * into {@link Campaign}s, in parallel, returning them in a stable order (language, then path).
 *
 * <p>Between composing the front matter and reading it, translations are linked to their sources
 * ({@link TranslationLinker}) so that a translation inherits what it leaves out.
 *
 * <p>Top-level folders of {@code content/} are languages (BCP 47 tags such as {@code en},
 * {@code pt-BR}); the folder {@code static/} holds files copied as they are and {@code i18n/} the
 * site's overrides of the theme's UI strings. Anything else at the
 * top level is reported, since a misspelt language folder would otherwise vanish silently.
 */
public final class ContentLoader {
    static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    /** Folder under {@code content/} whose files are copied to the site unchanged. */
    public static final String STATIC_FOLDER = "static";
    /** Folder under {@code content/} with the site's own UI-string overrides ({@code <lang>.yml}). */
    public static final String I18N_FOLDER = "i18n";
    /** Larger files are refused: no campaign page is this long, and reading it would only waste memory. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final Path contentDir;
    private final String displayRoot;
    private final CampaignParser parser;
    private final ProjectFiles files;

    /**
     * A loader trusting only {@code contentDir} (nothing below it may be a symbolic link).
     *
     * @param contentDir  the content folder
     * @param displayRoot how that folder is named in problems, e.g. {@code content}
     */
    public ContentLoader(Path contentDir, String displayRoot, CampaignParser parser) {
        this(contentDir, displayRoot, parser, new ProjectFiles(List.of(contentDir), p -> displayRoot + "/"
                + contentDir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString()
                        .replace('\\', '/')));
    }

    /** A loader reading every file through the project's guard {@code files}. */
    public ContentLoader(Path contentDir, String displayRoot, CampaignParser parser, ProjectFiles files) {
        this.contentDir = contentDir;
        this.displayRoot = displayRoot;
        this.parser = parser;
        this.files = files;
    }

    /** The language folders present, sorted. */
    public List<String> languages(Problems problems) {
        if (!Files.isDirectory(contentDir)) {
            problems.add(Problem.error(displayRoot, 0, 0, "the content folder does not exist",
                    "create it with a site.yml and a folder per language, e.g. content/en/, or point "
                            + "-Dbroadside.content at your content folder"));
            return List.of();
        }
        List<String> languages = new ArrayList<>();
        try (Stream<Path> children = Files.list(contentDir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (Files.isSymbolicLink(child) && !ProjectFiles.hidden(name)) {
                    files.refusal(child).ifPresent(problems::add);
                    continue;
                }
                if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) || ProjectFiles.hidden(name)
                        || name.equals(STATIC_FOLDER)
                        || name.equals(I18N_FOLDER)) {
                    continue;
                }
                if (LANGUAGE_TAG.matcher(name).matches()) {
                    languages.add(name);
                } else {
                    problems.add(Problem.warning(displayRoot + "/" + name, 0, 0,
                            "the folder '" + name + "' is not a language tag, so its files are not published",
                            "name language folders with a BCP 47 tag such as en, es, pt-BR; put images in "
                                    + displayRoot + "/" + STATIC_FOLDER + "/"));
                }
            }
        } catch (IOException e) {
            problems.add(Problem.error(displayRoot, 0, 0, "cannot list the content folder: " + e.getMessage(), ""));
        }
        return languages;
    }

    /** Loads and parses every page of every language, using {@code threads} threads. */
    public List<Campaign> load(List<String> languages, int threads, Problems problems) {
        List<Path> files = files(languages, problems);
        List<ContentFile> composed = inParallel(files, threads, file -> composeOne(file, problems));
        List<ContentFile> linked = new TranslationLinker(parser, composed, problems).linkAll();
        return inParallel(linked, threads, file -> parser.read(file, problems));
    }

    /** Every page file of the given language folders, sorted by path: what {@link #load} parses. */
    public List<Path> files(List<String> languages, Problems problems) {
        List<Path> files = new ArrayList<>();
        for (String language : languages) {
            for (Path file : this.files.walk(contentDir.resolve(language), problems)) {
                if (file.getFileName().toString().endsWith(".md")) {
                    files.add(file);
                }
            }
        }
        // Keys computed once: relativizing inside the comparator was a tenth of loading at 10,000 files.
        Map<Path, String> keys = new HashMap<>();
        files.forEach(p -> keys.put(p, contentDir.relativize(p).toString().replace('\\', '/')));
        files.sort(Comparator.comparing(keys::get));
        return files;
    }

    /** Applies {@code work} to every item, keeping the order of {@code items}. */
    private static <T, R> List<R> inParallel(List<T> items, int threads,
            java.util.function.Function<T, Optional<R>> work) {
        List<java.util.function.Supplier<Optional<R>>> jobs = new ArrayList<>();
        items.forEach(item -> jobs.add(() -> work.apply(item)));
        List<R> out = new ArrayList<>();
        Workers.get(jobs, threads).forEach(result -> result.ifPresent(out::add));
        return out;
    }

    /**
     * Loads one file given its path (incremental rebuilds). A translation is linked to its source
     * as in {@link #load}: the source it names, or the default language's file with its key, is read
     * too (found through a {@link KeyIndex} of the default language when that file is not at the
     * path the key suggests).
     */
    public Optional<Campaign> loadOne(Path file, Problems problems) {
        return loadOne(file, problems, keyIndex());
    }

    /**
     * The default language's files by key, composed on first use and then kept: what
     * {@link #loadOne} reads when a translation's source is not at the path its key suggests.
     * One index serves a batch of {@code loadOne} calls (serve's start-up loads every page one by
     * one, and composing the whole default language for each such page was quadratic); make a new
     * one for each batch, since it does not see later edits. Thread-safe.
     */
    public KeyIndex keyIndex() {
        return new KeyIndex();
    }

    /** See {@link #keyIndex()}. */
    public final class KeyIndex {
        private Map<String, List<ContentFile>> byKey;

        private KeyIndex() {
        }

        synchronized List<ContentFile> withKey(String key) {
            if (byKey == null) {
                byKey = new HashMap<>();
                Problems ignored = new Problems();
                for (Path other : files(List.of(parser.defaultLanguage()), ignored)) {
                    composeOne(other, ignored).ifPresent(
                            f -> byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
                }
            }
            return byKey.getOrDefault(key, List.of());
        }
    }

    /** {@link #loadOne(Path, Problems)} with a shared {@link KeyIndex}. */
    public Optional<Campaign> loadOne(Path file, Problems problems, KeyIndex index) {
        Optional<ContentFile> own = composeOne(file, problems);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Problems ignored = new Problems(); // the other files report their own problems when they are loaded
        java.util.Map<Path, ContentFile> candidates = new java.util.LinkedHashMap<>();
        candidates.put(file.toAbsolutePath().normalize(), own.get());
        boolean scanned = false;
        // Follow the chain of sources (es -> en, or ar -> es -> en when translationOf names them).
        ContentFile current = own.get();
        for (int depth = 0; depth < 16; depth++) {
            Optional<String> named = parser.declaredSource(current);
            Path next;
            if (named.isPresent()) {
                next = contentDir.resolve(TranslationLinker.normalize(named.get(), displayRoot));
            } else if (!current.language().equals(parser.defaultLanguage())) {
                next = contentDir.resolve(parser.defaultLanguage()).resolve(current.key() + ".md");
            } else {
                break;
            }
            next = next.toAbsolutePath().normalize();
            if (candidates.containsKey(next)) {
                break;
            }
            Optional<ContentFile> source = next.startsWith(contentDir.toAbsolutePath().normalize())
                    && files.isReadableFile(next) ? composeOne(next, ignored) : Optional.empty();
            if (source.isPresent() && (named.isPresent() || source.get().key().equals(current.key()))) {
                candidates.put(next, source.get());
                current = source.get();
                continue;
            }
            if (named.isEmpty() && !scanned) {
                // The key names a file elsewhere (a renamed original with its own translationKey): look at all.
                scanned = true;
                for (ContentFile other : index.withKey(current.key())) {
                    candidates.putIfAbsent(contentDir.resolve(parser.defaultLanguage())
                            .resolve(other.sourcePath()).toAbsolutePath().normalize(), other);
                }
            }
            break;
        }
        List<ContentFile> linked = new TranslationLinker(parser, List.copyOf(candidates.values()), ignored).linkAll();
        return linked.stream().filter(f -> f.contentPath().equals(own.get().contentPath())).findFirst()
                .flatMap(f -> parser.read(f, problems));
    }

    /** Reads, decodes and composes one file, ready for linking. */
    private Optional<ContentFile> composeOne(Path file, Problems problems) {
        Path relative = contentDir.relativize(file);
        String language = relative.getName(0).toString();
        String sourcePath = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
        String display = displayRoot + "/" + relative.toString().replace('\\', '/');
        byte[] bytes;
        try {
            files.check(file);
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(Problem.error(display, 0, 0, "the file is larger than 4 MiB",
                        "split it into several pages; campaign pages are rarely more than a few KiB"));
                return Optional.empty();
            }
            bytes = files.read(file);
        } catch (ProjectFiles.Refused refused) {
            problems.add(refused.problem());
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Problem.error(display, 0, 0, "cannot read the file: " + e.getMessage(), ""));
            return Optional.empty();
        }
        SourceText.Result decoded = SourceText.decode(display, bytes);
        if (decoded instanceof SourceText.Invalid invalid) {
            problems.add(invalid.problem());
            return Optional.empty();
        }
        return parser.compose(display, language, sourcePath, ((SourceText.Text) decoded).text(), problems);
    }
}

package io.github.broadside.content;

import io.github.broadside.problem.Suggestions;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Links each translation to the file it was translated from, between composing and reading the
 * front matter, so that the translation inherits what it leaves out (see
 * {@link CampaignParser#NOT_INHERITED}).
 *
 * <p>A file's source is the one named in {@code translationOf: {source: es/x.md}}, or else, for a
 * file outside the default language, the default language's file with the same translation key
 * (the same path, or the same {@code translationKey}). Sources may be translations themselves
 * (en → es → ar); a loop or a missing named source is an error at the {@code translationOf} key.
 */
public final class TranslationLinker {
    private final CampaignParser parser;
    private final List<ContentFile> files;
    private final Problems problems;
    private final Map<String, ContentFile> byPath = new HashMap<>();
    private final Map<String, ContentFile> defaultByKey = new HashMap<>();
    private final Map<String, ContentFile> linked = new HashMap<>();
    private final List<String> visiting = new ArrayList<>();

    /**
     * @param files    every composed file of the site, in a stable order
     * @param problems where problems about the set as a whole go (two default-language files with one key)
     */
    public TranslationLinker(CampaignParser parser, List<ContentFile> files, Problems problems) {
        this.parser = parser;
        this.files = List.copyOf(files);
        this.problems = problems;
        for (ContentFile file : this.files) {
            byPath.put(file.contentPath(), file);
            if (file.language().equals(parser.defaultLanguage())) {
                ContentFile other = defaultByKey.putIfAbsent(file.key(), file);
                if (other != null) {
                    problems.add(Problem.error(file.file(), file.frontMatter().lineOf("translationKey"),
                            file.frontMatter().columnOf("translationKey"),
                            "the translation key '" + file.key() + "' is already used by " + other.file(),
                            "each page of a language needs its own key; change 'translationKey:' in one of them"));
                }
            }
        }
    }

    /** Every file, in the order given, with translations linked to their sources. */
    public List<ContentFile> linkAll() {
        List<ContentFile> out = new ArrayList<>(files.size());
        for (ContentFile file : files) {
            out.add(link(file));
        }
        return out;
    }

    private ContentFile link(ContentFile file) {
        ContentFile done = linked.get(file.contentPath());
        if (done != null) {
            return done;
        }
        if (visiting.contains(file.contentPath())) {
            List<String> loop = new ArrayList<>(visiting.subList(visiting.indexOf(file.contentPath()), visiting.size()));
            loop.add(file.contentPath());
            file.frontMatter().error("translationOf", "the translations name each other as source in a loop: "
                    + String.join(" → ", loop), "one of these pages is the original: remove 'translationOf' from it");
            return file;
        }
        visiting.add(file.contentPath());
        ContentFile result = source(file).map(source -> parser.inherit(file, link(source))).orElse(file);
        visiting.remove(visiting.size() - 1);
        linked.put(file.contentPath(), result);
        return result;
    }

    private Optional<ContentFile> source(ContentFile file) {
        Optional<String> named = parser.declaredSource(file);
        if (named.isPresent()) {
            String path = normalize(named.get(), "");
            ContentFile source = byPath.get(path);
            boolean block = file.frontMatter().isBlock("translationOf");
            YamlMap at = block ? file.frontMatter().map("translationOf").orElseThrow() : file.frontMatter();
            String key = block ? "source" : "translationOf";
            if (source == null) {
                at.error(key, "the translation source '" + named.get() + "' does not exist",
                        suggestion(path, file.language()));
                return Optional.empty();
            }
            if (source.language().equals(file.language())) {
                at.error(key, "'" + named.get() + "' is in the same language as this page",
                        "name the page this one was translated from, in another language folder");
                return Optional.empty();
            }
            return Optional.of(source);
        }
        if (file.language().equals(parser.defaultLanguage())) {
            return Optional.empty();
        }
        return Optional.ofNullable(defaultByKey.get(file.key()));
    }

    private String suggestion(String path, String ownLanguage) {
        Optional<String> close = Suggestions.didYouMean(path, byPath.keySet().stream()
                .filter(p -> !p.startsWith(ownLanguage + "/")).toList());
        if (close.isPresent()) {
            return close.get();
        }
        TreeSet<String> sources = new TreeSet<>();
        byPath.values().stream().filter(f -> f.language().equals(parser.defaultLanguage()))
                .forEach(f -> sources.add(f.contentPath()));
        return "name a file inside the content folder, with its language folder"
                + (sources.isEmpty() ? "" : ", e.g. '" + sources.first() + "'");
    }

    /**
     * A source as written ({@code en/x.md}, {@code content/en/x.md}, {@code ./en/x}) as a path inside
     * the content folder: forward slashes, no leading {@code ./} or content folder, ending in {@code .md}.
     *
     * @param contentDisplay how the content folder is named (a leading copy of it is dropped); may be ""
     */
    public static String normalize(String written, String contentDisplay) {
        String path = written.strip().replace('\\', '/');
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("/") ? 1 : 2);
        }
        for (String prefix : new String[] {contentDisplay + "/", "content/"}) {
            if (prefix.length() > 1 && path.startsWith(prefix)) {
                path = path.substring(prefix.length());
                break;
            }
        }
        return path.endsWith(".md") ? path : path + ".md";
    }
}

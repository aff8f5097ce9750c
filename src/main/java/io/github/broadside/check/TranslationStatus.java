package io.github.broadside.check;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.ContentLoader;
import io.github.broadside.content.FrontMatter;
import io.github.broadside.content.SourceText;
import io.github.broadside.content.YamlMap;
import io.github.broadside.content.YamlSource;
import io.github.broadside.i18n.SourceHash;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translation status for check: which pages of the default language each other language has
 * (a page counts as translated when it names its source in {@code translationOf: {source, hash}},
 * or has the same file name), and which translations are behind their source: the source's
 * {@link SourceHash} is no longer the hash the translation recorded. Stale and broken links to
 * sources are warnings; coverage is a note.
 */
final class TranslationStatus {
    private TranslationStatus() {
    }

    static void check(BuildOptions options, Problems problems, List<String> notes) {
        Problems ignored = new Problems();
        SiteBuilder builder = new SiteBuilder(options);
        SiteConfig config = builder.loadConfig(ignored);
        ContentLoader loader = builder.contentLoader(config);
        List<String> languages = loader.languages(ignored);
        if (languages.size() < 2 || !languages.contains(config.defaultLanguage())) {
            return;
        }
        Path content = options.contentDir();
        String defaultLanguage = config.defaultLanguage();
        Set<String> sources = new TreeSet<>();
        for (Path file : loader.files(List.of(defaultLanguage), ignored)) {
            sources.add(content.relativize(file).toString().replace('\\', '/'));
        }
        for (String language : languages) {
            if (language.equals(defaultLanguage)) {
                continue;
            }
            Set<String> covered = new TreeSet<>();
            for (Path file : loader.files(List.of(language), ignored)) {
                String relative = content.relativize(file).toString().replace('\\', '/');
                String sameName = defaultLanguage + relative.substring(language.length());
                Optional<Link> link = linkOf(options, file);
                if (link.isEmpty()) {
                    if (sources.contains(sameName)) {
                        covered.add(sameName);
                    }
                    continue;
                }
                Link translationOf = link.get();
                Path source = content.resolve(translationOf.source()).normalize();
                if (!source.startsWith(content) || !Files.isRegularFile(source)) {
                    problems.add(Problem.warning(options.display(file), translationOf.line(), 0,
                            "translationOf names " + translationOf.source() + ", which does not exist",
                            "give the source's path inside the content folder, e.g. "
                                    + defaultLanguage + "/" + relative.substring(language.length() + 1)));
                    continue;
                }
                covered.add(translationOf.source());
                try {
                    String now = SourceHash.of(Files.readAllBytes(source));
                    if (!now.equals(translationOf.hash())) {
                        problems.add(Problem.warning(options.display(file), translationOf.hashLine(), 0,
                                "the translation is out of date: " + translationOf.source() + " changed since it was"
                                        + " translated (hash " + translationOf.hash() + ", now " + now + ")",
                                "compare with the source (e.g. git log -p " + options.display(source)
                                        + "), update the translation, then set 'hash: " + now + "'"));
                    }
                } catch (IOException e) {
                    problems.add(Problem.warning(options.display(source), 0, 0, "cannot read the file: "
                            + e.getMessage(), ""));
                }
            }
            List<String> missing = new ArrayList<>(sources);
            missing.removeAll(covered);
            notes.add(language + ": " + (sources.size() - missing.size()) + " of " + sources.size()
                    + " pages translated" + (missing.isEmpty() ? "" : "; not yet: " + String.join(", ", missing)));
        }
    }

    private record Link(String source, String hash, int line, int hashLine) {
    }

    private static Optional<Link> linkOf(BuildOptions options, Path file) {
        try {
            String display = options.display(file);
            SourceText.Result text = SourceText.decode(display, Files.readAllBytes(file));
            if (!(text instanceof SourceText.Text decoded)) {
                return Optional.empty();
            }
            FrontMatter.Result split = FrontMatter.split(display, decoded.text());
            if (!(split instanceof FrontMatter.Split parts)) {
                return Optional.empty();
            }
            Problems ignored = new Problems();
            Optional<YamlMap> yaml = YamlSource.parseMapping(display, parts.parts().yamlLine(), parts.parts().yaml(),
                    ignored);
            Optional<YamlMap> block = yaml.flatMap(y -> y.has("translationOf") ? y.map("translationOf") : Optional.empty());
            if (block.isEmpty()) {
                return Optional.empty();
            }
            YamlMap link = block.get();
            return Optional.of(new Link(link.string("source").orElse(""), link.string("hash").orElse(""),
                    yaml.get().lineOf("translationOf"), link.has("hash") ? link.lineOf("hash") : link.line()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

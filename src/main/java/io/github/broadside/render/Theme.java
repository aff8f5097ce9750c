package io.github.broadside.render;

import io.github.broadside.yaml.SourceText;
import io.github.broadside.yaml.YamlMap;
import io.github.broadside.yaml.YamlSource;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A theme folder ({@code templates/}, {@code assets/}, optional {@code theme.yml}) and the themes it
 * extends. A site customises a theme by making its own folder with {@code extends: default} in
 * {@code theme.yml} and only the templates it changes: lookups go from the site's theme to its parent.
 */
public final class Theme {
    public static final String TEMPLATES = "templates";
    public static final String ASSETS = "assets";
    private static final int MAX_CHAIN = 8;

    private final List<Path> chain;
    private final ProjectFiles files;

    private Theme(List<Path> chain, ProjectFiles files) {
        this.chain = List.copyOf(chain);
        this.files = files;
    }

    /** The guard every read of this theme's files goes through (templates, assets, strings, fonts). */
    public ProjectFiles files() {
        return files;
    }

    /** The theme folders, most specific first. */
    public List<Path> folders() {
        return chain;
    }

    /** The theme folders, most general (the root parent) first: the order in which overrides apply. */
    public List<Path> foldersParentFirst() {
        List<Path> out = new ArrayList<>(chain);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Template folders in lookup order. */
    public List<Path> templateFolders() {
        return chain.stream().map(p -> p.resolve(TEMPLATES)).filter(Files::isDirectory).toList();
    }

    /** Asset folders, parent first, so that a child's file replaces its parent's when copied after it. */
    public List<Path> assetFoldersParentFirst() {
        List<Path> out = new ArrayList<>(chain.stream().map(p -> p.resolve(ASSETS)).filter(Files::isDirectory).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Opens the theme at {@code folder}. Parents named in {@code theme.yml} ({@code extends: name})
     * are looked up beside it. Problems (missing folder, unknown parent, a loop) go to {@code problems}.
     */
    public static Optional<Theme> open(Path folder, String displayPath, Problems problems) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path themes = absolute.getParent() == null ? absolute : absolute.getParent();
        String base = displayPath.contains("/") ? displayPath.substring(0, displayPath.lastIndexOf('/') + 1) : "";
        return open(folder, displayPath, new ProjectFiles(List.of(themes),
                p -> base + themes.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/')),
                problems);
    }

    /**
     * {@link #open(Path, String, Problems)} reading through the project's guard {@code files}: a
     * symbolic link anywhere in the theme chain's folders is reported (an error), so no template,
     * asset, string bundle or font can be read from outside the project.
     */
    public static Optional<Theme> open(Path folder, String displayPath, ProjectFiles files, Problems problems) {
        Optional<Problem> linked = files.refusal(folder);
        if (linked.isPresent()) {
            problems.add(linked.get());
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            problems.add(Problem.error(displayPath, 0, 0, "the theme folder does not exist",
                    "use -Dbroadside.theme=themes/default or create the folder with a templates/ folder inside"));
            return Optional.empty();
        }
        List<Path> chain = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Path current = folder.toAbsolutePath().normalize();
        String display = displayPath;
        while (true) {
            chain.add(current);
            names.add(current.getFileName().toString());
            Optional<Parent> parent = parentOf(current.resolve("theme.yml"), display + "/theme.yml", files, problems);
            if (parent.isEmpty()) {
                break;
            }
            String name = parent.get().name();
            Path next = current.resolveSibling(name).normalize();
            if (!Files.isDirectory(next) || !next.getParent().equals(current.getParent())) {
                problems.add(Problem.error(display + "/theme.yml", parent.get().line(), parent.get().column(),
                        "the parent theme '" + name + "' does not exist beside this theme",
                        "name a folder next to this one, e.g. 'extends: default'"));
                return Optional.empty();
            }
            Optional<Problem> refused = files.refusal(next);
            if (refused.isPresent()) {
                problems.add(refused.get());
                return Optional.empty();
            }
            if (chain.contains(next) || chain.size() >= MAX_CHAIN) {
                problems.add(Problem.error(display + "/theme.yml", parent.get().line(), parent.get().column(),
                        "the themes extend each other in a loop: " + String.join(" -> ", names) + " -> " + name,
                        "remove 'extends:' from one of them"));
                return Optional.empty();
            }
            display = display.contains("/") ? display.substring(0, display.lastIndexOf('/') + 1) + name : name;
            current = next;
        }
        int before = problems.errorCount();
        for (Path theme : chain) {
            // One walk of the whole chain reports every link before anything is read from it.
            files.walk(theme, problems);
        }
        return problems.errorCount() == before ? Optional.of(new Theme(chain, files)) : Optional.empty();
    }

    /** The {@code extends:} value of a theme.yml and where it is written. */
    private record Parent(String name, int line, int column) {
    }

    private static Optional<Parent> parentOf(Path themeYml, String display, ProjectFiles files, Problems problems) {
        if (!Files.exists(themeYml, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            SourceText.Result text = SourceText.decode(display, files.read(themeYml));
            if (text instanceof SourceText.Invalid invalid) {
                problems.add(invalid.problem());
                return Optional.empty();
            }
            Optional<YamlMap> map = YamlSource.parseMapping(display, 1, ((SourceText.Text) text).text(), problems);
            map.ifPresent(m -> m.warnUnknownKeys(Set.of("name", "extends", "colors", "fonts"), "theme.yml"));
            return map.flatMap(m -> m.string("extends")
                    .map(name -> new Parent(name, m.lineOf("extends"), m.columnOf("extends"))));
        } catch (ProjectFiles.Refused refused) {
            problems.add(refused.problem());
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Problem.error(display, 0, 0, "cannot read the file: " + e.getMessage(), ""));
            return Optional.empty();
        }
    }
}
